package org.backendregistry.internal.osgi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.LongConsumer;

import org.backendregistry.api.BackendChange;
import org.backendregistry.internal.core.ChangeSink;

/**
 * Counts the changes of the registry's state (each serving change, passed on to the next sink, each other
 * change of the runtime view such as a rejected service, and each configuration applied) for the runtime
 * service's {@code service.changecount}, on which the shell and the Web Console wait. One background thread
 * publishes the newest count: a burst of changes costs one publication, and no publication runs on the
 * thread that changed the registry, under a registry lock or on a lookup. Published counts only grow.
 */
final class ChangeCount implements ChangeSink {

    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final ChangeSink next;
    private final Logger log;
    private final Object monitor = new Object();
    private long count; // guarded by monitor
    private boolean closed; // guarded by monitor
    private Thread publisher;

    /** @param next the sink that receives every serving change after it is counted */
    ChangeCount(ChangeSink next, Logger log) {
        this.next = next;
        this.log = log;
    }

    @Override
    public void changed(BackendChange change) {
        increment();
        next.changed(change);
    }

    @Override
    public void viewChanged() {
        increment();
    }

    /** Counts a change that is not a serving change, such as a configuration applied. */
    void increment() {
        synchronized (monitor) {
            count++;
            monitor.notifyAll();
        }
    }

    /** @return the number of changes counted so far */
    long current() {
        synchronized (monitor) {
            return count;
        }
    }

    /**
     * Starts the thread that hands {@code publish} every new count, the newest only, each greater than the
     * one before.
     *
     * @param published the count already published (e.g. in the service's initial properties)
     */
    void start(long published, LongConsumer publish) {
        publisher = new Thread(() -> publish(published, publish), "org.backendregistry service.changecount");
        publisher.setDaemon(true);
        publisher.start();
    }

    /** Stops the thread, waiting (bounded) for a publication in progress; changes are no longer published. */
    void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        if (publisher != null) {
            try {
                publisher.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return whether the publishing thread runs */
    boolean isPublishing() {
        return publisher != null && publisher.isAlive();
    }

    private void publish(long published, LongConsumer publish) {
        long last = published;
        while (true) {
            long newest;
            synchronized (monitor) {
                while (!closed && count <= last) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                newest = count;
            }
            try {
                publish.accept(newest);
            } catch (IllegalStateException unregistered) {
                return; // the service is gone: the registry is stopping
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Cannot publish service.changecount " + newest + "; the next change tries again", e);
            }
            last = newest;
        }
    }
}
