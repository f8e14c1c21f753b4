package org.backendregistry.internal.core;

import java.util.concurrent.TimeUnit;

/**
 * The leases open on one provider object. Each thread counts its own ({@link ThreadLeases}), so taking
 * and closing leases on one provider from many threads writes no shared memory; a departing provider
 * adds them up and waits here until they are closed.
 */
final class LeaseCount {

    // waiters and closers meet on the count itself, which nothing else locks: no extra lock object each
    private volatile boolean draining;

    /** Counts a lease of the current thread. @return the slot to hand to {@link #closed} */
    int opened(ThreadLeases mine) {
        return mine.opened(this);
    }

    void closed(ThreadLeases mine, int slot) {
        mine.closed(slot);
        // the departure sets the flag before it adds up the counts: it sees this close, or we see the flag
        if (draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** @return the leases open now, over all threads */
    int open() {
        return ThreadLeases.open(this);
    }

    /**
     * Waits, with no lock of the registry held, until no leases but the current thread's own are open
     * (it must not wait for itself), or {@code timeoutMillis} passed.
     *
     * @return whether they were closed in time
     */
    boolean awaitClosed(long timeoutMillis) {
        int own = ThreadLeases.current().heldOn(this);
        if (open() <= own) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean interrupted = false;
        draining = true;
        try {
            synchronized (this) {
                long remaining;
                while (open() > own && (remaining = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, remaining);
                    } catch (InterruptedException e) {
                        interrupted = true; // the departure completes either way: keep waiting, keep the flag
                    }
                }
                return open() <= own;
            }
        } finally {
            draining = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
