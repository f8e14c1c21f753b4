package org.backendregistry.internal.core;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The object of one provider, obtained at most once while the provider serves and given back when it
 * stops serving or goes away. Obtaining and giving back happen outside every lock; the decision to
 * give back is taken under the family lock ({@link #take()}).
 */
final class Acquisition {

    private final ServiceSource source;
    private final AtomicReference<Object> object = new AtomicReference<>();
    private volatile boolean closed;

    Acquisition(ServiceSource source) {
        this.source = source;
    }

    /**
     * @return the provider's object, obtaining it if needed; {@code null} when the source gives none
     * @throws RuntimeException what the source threw
     */
    Object obtain() {
        Object current = object.get();
        if (current != null) {
            return current;
        }
        Object obtained = source.get();
        if (obtained == null) {
            return null;
        }
        if (!object.compareAndSet(null, obtained)) {
            // another thread obtained it first: give ours back, the use counts stay balanced
            source.unget();
            return object.get();
        }
        if (closed && object.compareAndSet(obtained, null)) {
            // the provider went away while we were obtaining it: never keep its object
            source.unget();
            return null;
        }
        return obtained;
    }

    /** @return whether {@code candidate} is still the held object */
    boolean holds(Object candidate) {
        return candidate != null && object.get() == candidate;
    }

    /** @return whether an object is held */
    boolean isHeld() {
        return object.get() != null;
    }

    /** Takes the held object away (under the family lock); {@link #giveBack} must follow outside it. */
    boolean take() {
        return object.getAndSet(null) != null;
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
