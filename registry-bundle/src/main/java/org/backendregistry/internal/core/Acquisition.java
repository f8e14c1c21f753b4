package org.backendregistry.internal.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.backendregistry.api.runtime.NotServingReason;

/**
 * The object of one provider, obtained at most once while the provider serves and given back when it
 * stops serving or goes away. Obtaining and giving back happen outside every lock; the decision to
 * give back is taken under the family lock ({@link #take()}).
 */
final class Acquisition {

    // field handles rather than Atomic* objects: one of these exists per tracked provider
    private static final VarHandle HELD;
    private static final VarHandle FAILURE_COUNT;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            HELD = lookup.findVarHandle(Acquisition.class, "held", Hold.class);
            FAILURE_COUNT = lookup.findVarHandle(Acquisition.class, "failureCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ServiceSource source;
    private volatile Hold held;
    private volatile boolean closed;
    private volatile String knownClassName;
    private volatile NotServingReason failure;
    private volatile String failureDetail;
    private volatile int failureCount;
    private volatile long lastFailureMillis;

    Acquisition(ServiceSource source) {
        this.source = source;
    }

    /**
     * @return the provider's object, obtaining it if needed; {@code null} when the source gives none
     * @throws RuntimeException what the source threw
     */
    Object obtain() {
        Hold current = held;
        if (current != null) {
            return current.object();
        }
        Object obtained = source.get();
        if (obtained == null) {
            return null;
        }
        Hold mine = new Hold(obtained);
        if (!HELD.compareAndSet(this, (Hold) null, mine)) {
            // another thread obtained it first: give ours back, the use counts stay balanced
            source.unget();
            Hold other = held;
            return other == null ? null : other.object();
        }
        if (closed && HELD.compareAndSet(this, mine, (Hold) null)) {
            // the provider went away while we were obtaining it: never keep its object
            source.unget();
            return null;
        }
        return obtained;
    }

    /** @return the hold of {@code object} if it is the one held now, else {@code null} */
    Hold holdOf(Object object) {
        Hold current = held;
        return current != null && current.object() == object ? current : null;
    }

    /** Remembers the outcome of the last attempt to obtain the object, for the runtime view. */
    void outcome(Object obtained, NotServingReason failedBecause, String detail) {
        if (obtained != null) {
            knownClassName = obtained.getClass().getName();
        }
        if (failedBecause != null || detail != null) {
            FAILURE_COUNT.getAndAdd(this, 1);
            lastFailureMillis = System.currentTimeMillis();
        }
        failure = failedBecause;
        failureDetail = detail;
    }

    /** @return how often obtaining the object failed since the provider arrived */
    int failureCount() {
        return failureCount;
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
        return held != null;
    }

    /**
     * Takes the held object away (under the family lock); once its leases are closed, {@link #giveBack}
     * must follow outside the lock.
     *
     * @return what was held, or {@code null}
     */
    Hold take() {
        return (Hold) HELD.getAndSet(this, (Hold) null);
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
