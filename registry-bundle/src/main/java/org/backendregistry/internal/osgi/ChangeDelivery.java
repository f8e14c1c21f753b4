package org.backendregistry.internal.osgi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendListener;
import org.backendregistry.internal.core.ChangeSink;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Delivers each change to every {@link BackendListener} service, each isolated from the others, and
 * to EventAdmin when it is present. Changes arrive here one at a time, in order; EventAdmin keeps the
 * order of asynchronous events only per posting thread, so one thread of ours posts them all.
 */
final class ChangeDelivery implements ChangeSink {

    private static final String EVENT_ADMIN = "org.osgi.service.event.EventAdmin";

    private final ServiceTracker<BackendListener, BackendListener> listeners;
    private final ServiceTracker<Object, Object> eventAdmin;
    private final Logger log;
    private final AtomicBoolean eventApiMissingLogged = new AtomicBoolean();
    private final ExecutorService eventPoster = Executors.newSingleThreadExecutor(
            task -> new Thread(task, "backend-registry-events"));

    ChangeDelivery(BundleContext context, Logger log) {
        this.listeners = new ServiceTracker<>(context, BackendListener.class, null);
        // tracked by name: the EventAdmin API is an optional import
        this.eventAdmin = new ServiceTracker<>(context, EVENT_ADMIN, null);
        this.log = log;
    }

    void open() {
        listeners.open();
        eventAdmin.open();
    }

    void close() {
        eventPoster.shutdown();
        eventAdmin.close();
        listeners.close();
    }

    @Override
    public void changed(BackendChange change) {
        for (BackendListener listener : listeners.getServices(new BackendListener[0])) {
            try {
                listener.backendChanged(change);
            } catch (RuntimeException | LinkageError e) {
                log.log(Level.WARNING, "BackendListener " + listener.getClass().getName() + " threw on " + change, e);
            }
        }
        if (!eventAdmin.isEmpty()) {
            try {
                eventPoster.execute(() -> {
                    Object events = eventAdmin.getService();
                    if (events != null) {
                        post(events, change);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // the registry is stopping: its last changes are not posted
            }
        }
    }

    private void post(Object events, BackendChange change) {
        try {
            EventAdminPublisher.post(events, change);
        } catch (NoClassDefFoundError | ClassCastException e) {
            if (eventApiMissingLogged.compareAndSet(false, true)) {
                log.log(Level.WARNING, "EventAdmin is present but its API is not wired to the registry bundle; "
                        + "refresh the registry bundle to publish change events. ({0})", e.toString());
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "EventAdmin failed to post " + change, e);
        }
    }
}
