package org.backendregistry.internal.osgi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendListener;
import org.backendregistry.internal.core.ChangeSink;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Delivers each change to every {@link BackendListener} service, each isolated from the others. */
final class ListenerWhiteboard implements ChangeSink {

    private final ServiceTracker<BackendListener, BackendListener> listeners;
    private final Logger log;

    ListenerWhiteboard(BundleContext context, Logger log) {
        this.listeners = new ServiceTracker<>(context, BackendListener.class, null);
        this.log = log;
    }

    void open() {
        listeners.open();
    }

    void close() {
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
    }
}
