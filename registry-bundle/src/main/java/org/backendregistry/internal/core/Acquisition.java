package org.backendregistry.internal.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.runtime.NotServingReason;

/**
 * The object of one provider, obtained at most once while the provider serves and given back when it
 * stops serving or goes away. Obtaining and giving back happen outside every lock; the decision to
 * give back is taken under the family lock ({@link #take()}).
 */
final class Acquisition {

    private final ServiceSource source;
    private final AtomicReference<Hold> held = new AtomicReference<>();
    private volatile boolean closed;
    private volatile String knownClassName;
    private volatile NotServingReason failure;
    private volatile String failureDetail;
    private final AtomicInteger failureCount = new AtomicInteger();
    private volatile long lastFailureMillis;

    Acquisition(ServiceSource source) {
        this.source = source;
    }

    /**
     * @return the provider's object, obtaining it if needed; {@code null} when the source gives none
     * @throws RuntimeException what the source threw
     */
    Object obtain() {
        Hold current = held.get();
        if (current != null) {
            return current.object();
        }
        Object obtained = source.get();
        if (obtained == null) {
            return null;
        }
        Hold mine = new Hold(obtained, new LeaseCount());
        if (!held.compareAndSet(null, mine)) {
            // another thread obtained it first: give ours back, the use counts stay balanced
            source.unget();
            Hold other = held.get();
            return other == null ? null : other.object();
        }
        if (closed && held.compareAndSet(mine, null)) {
            // the provider went away while we were obtaining it: never keep its object
            source.unget();
            return null;
        }
        return obtained;
    }

    /**
     * One obtained object and the leases open on it. Each obtain starts a new count, so the departure of
     * one hold never waits for the leases of a later one.
     */
    record Hold(Object object, LeaseCount leases) {
    }

    /** @return the hold of {@code object} if it is the one held now, else {@code null} */
    Hold holdOf(Object object) {
        Hold current = held.get();
        return current != null && current.object() == object ? current : null;
    }

    /** Remembers the outcome of the last attempt to obtain the object, for the runtime view. */
    void outcome(Object obtained, NotServingReason failedBecause, String detail) {
        if (obtained != null) {
            knownClassName = obtained.getClass().getName();
        }
        if (failedBecause != null || detail != null) {
            failureCount.incrementAndGet();
            lastFailureMillis = System.currentTimeMillis();
        }
        failure = failedBecause;
        failureDetail = detail;
    }

    /** @return how often obtaining the object failed since the provider arrived */
    int failureCount() {
        return failureCount.get();
    }

    /** @return when obtaining the object last failed (epoch milliseconds), or 0 when it never did */
    long lastFailureMillis() {
        return lastFailureMillis;
    }

    /** @return the object's class name, once it was obtained, else {@code null} */
    String knownClassName() {
        return knownClassName;
    }

    /** @return why the last attempt to obtain the object failed, or {@code null} when it did not */
    NotServingReason failure() {
        return failure;
    }

    /** @return the last failure in words, or {@code null} */
    String failureDetail() {
        return failureDetail;
    }

    /** @return whether {@code candidate} is still the held object */
    boolean holds(Object candidate) {
        return candidate != null && holdOf(candidate) != null;
    }

    /** @return whether an object is held */
    boolean isHeld() {
        return held.get() != null;
    }

    /**
     * Takes the held object away (under the family lock); once its leases are closed, {@link #giveBack}
     * must follow outside the lock.
     *
     * @return what was held, or {@code null}
     */
    Hold take() {
        return held.getAndSet(null);
    }

    /** Gives back an object removed with {@link #take()}. */
    void giveBack() {
        source.unget();
    }

    /** Marks the provider gone: nothing obtained from now on is kept. */
    void close() {
        closed = true;
    }
}
