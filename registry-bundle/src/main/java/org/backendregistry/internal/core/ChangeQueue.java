package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.backendregistry.api.BackendChange;

/**
 * Hands changes to the {@link ChangeSink} in the order they were published. Changes are queued under the
 * family lock that publishes them, so the queue holds each name's changes in generation order; after the
 * lock is released, the publishing thread delivers what is queued unless another thread is delivering
 * already, in which case that thread delivers this change too, after the earlier ones. No change is
 * delivered with a lock held, and a sink that publishes again (a listener calling back into the registry)
 * only queues.
 */
final class ChangeQueue {

    private final Queue<BackendChange> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final ChangeSink sink;
    private final Logger log;

    ChangeQueue(ChangeSink sink, Logger log) {
        this.sink = sink;
        this.log = log;
    }

    /** Queues a change; call with the lock held under which it was published. */
    void add(BackendChange change) {
        pending.add(change);
    }

    /** Delivers every queued change, in order, unless another thread is delivering them; call with no lock held. */
    void deliver() {
        // the re-check after giving up the flag closes the window in which another thread queued a change
        // and saw the flag still taken
        while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                BackendChange next;
                while ((next = pending.poll()) != null) {
                    deliver(next);
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    private void deliver(BackendChange change) {
        try {
            sink.changed(change);
        } catch (RuntimeException | LinkageError e) {
            log.log(Level.WARNING, "Delivering " + change + " failed", e);
        }
    }
}
