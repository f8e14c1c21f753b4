package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;

/**
 * The departure of a provider's object: it is given back only once the leases open on it are closed,
 * or once the drain timeout passed, which is logged and remembered for the runtime view. Runs with no
 * lock held, inside the event or call that made the provider leave.
 */
final class Drain {

    /** How many timed-out departures the runtime view keeps. */
    static final int REMEMBERED = 20;

    private final Logger log;
    private final LongSupplier timeoutMillis;
    private final Runnable onTimedOut;
    private final Deque<TimedOut> timedOut = new ArrayDeque<>();

    /**
     * A departure that gave up waiting.
     *
     * @param id          the name the provider served, or {@code null} when unknown
     * @param provider    the provider, or {@code null} when unknown
     * @param openLeases  the leases still open when it gave up
     * @param threads     the threads that held them, as far as could be seen
     * @param timeout     the drain timeout that passed, in milliseconds
     * @param atMillis    when it gave up (epoch milliseconds)
     */
    record TimedOut(BackendId<?> id, BackendProvider provider, int openLeases, List<String> threads, long timeout,
            long atMillis) {
    }

    /** @param onTimedOut runs, with no lock held, after a departure that gave up is remembered */
    Drain(Logger log, LongSupplier timeoutMillis, Runnable onTimedOut) {
        this.log = log;
        this.timeoutMillis = timeoutMillis;
        this.onTimedOut = onTimedOut;
    }

    /**
     * Waits until the leases on {@code hold} are closed — except those of the current thread, which must
     * not wait for itself — or the timeout passed, then gives the object back.
     */
    void giveBack(BackendId<?> id, Provider provider, Acquisition acquisition, Hold hold) {
        LeaseCount leases = hold.leases();
        long timeout = timeoutMillis.getAsLong();
        if (leases != null && !leases.awaitClosed(timeout)) {
            int open = leases.open();
            List<String> threads = ThreadLeases.holders(leases);
            log.log(Level.WARNING, "{0}{1} left with {2} lease(s) still open after drain.timeout={3} ms, held by {4}; "
                    + "its object is given back now and may fail the calls still running in it",
                    id == null ? "" : "The " + id.name() + " provider ", provider == null ? "A provider" : provider,
                    open, timeout, threads.isEmpty() ? "threads that could not be seen" : "threads " + threads);
            remember(new TimedOut(id, provider == null ? null : provider.description(), open, threads, timeout,
                    System.currentTimeMillis()));
            onTimedOut.run(); // the runtime view lists it
        }
        acquisition.giveBack();
    }

    private synchronized void remember(TimedOut departure) {
        timedOut.addLast(departure);
        if (timedOut.size() > REMEMBERED) {
            timedOut.removeFirst();
        }
    }

    /** @return the departures that gave up waiting, oldest first */
    synchronized List<TimedOut> timedOut() {
        return List.copyOf(timedOut);
    }
}
