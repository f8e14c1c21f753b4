package org.backendregistry.internal.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The leases open on one provider's object: striped, so that threads taking and closing leases on the
 * same provider do not contend on one counter; a departing provider waits here until they are closed.
 */
final class LeaseCount {

    private final LongAdder open = new LongAdder();
    private final Object idle = new Object();
    private volatile boolean draining;

    void opened() {
        open.increment();
    }

    void closed() {
        open.decrement();
        // the drainer sets the flag before it reads the count: either it sees this decrement or we see the flag
        if (draining) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** @return the leases open now */
    int open() {
        return (int) Math.max(0, open.sum());
    }

    /**
     * Waits, with no lock of the registry held, until at most {@code ownLeases} are open (those of the
     * waiting thread itself, which must not wait for itself) or {@code timeoutMillis} passed.
     *
     * @return whether they were closed in time
     */
    boolean awaitClosed(int ownLeases, long timeoutMillis) {
        if (open.sum() <= ownLeases) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean interrupted = false;
        draining = true;
        try {
            synchronized (idle) {
                long remaining;
                while (open.sum() > ownLeases && (remaining = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(idle, remaining);
                    } catch (InterruptedException e) {
                        interrupted = true; // the departure completes either way: keep waiting, keep the flag
                    }
                }
                return open.sum() <= ownLeases;
            }
        } finally {
            draining = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
