package org.backendregistry.internal.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One obtained object and the leases open on it. Each obtain starts a new hold, so the departure of one
 * hold never waits for the leases of a later one. The count is made by the first lease: most providers
 * are never leased, and every tracked provider's bytes count.
 */
final class Hold {

    private static final VarHandle LEASES;

    static {
        try {
            LEASES = MethodHandles.lookup().findVarHandle(Hold.class, "leases", LeaseCount.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object object;
    private volatile LeaseCount leases;

    Hold(Object object) {
        this.object = object;
    }

    Object object() {
        return object;
    }

    /**
     * @return the leases taken on the object, or {@code null} when none ever was. A departure reads this
     *         after it unpublished the object, and a lease re-checks the publication after it made the
     *         count: either the departure sees the count or the lease sees the departure.
     */
    LeaseCount leases() {
        return leases;
    }

    /** @return the count to take a lease with, made by the first one */
    LeaseCount leasesToTake() {
        LeaseCount current = leases;
        if (current != null) {
            return current;
        }
        LeaseCount made = new LeaseCount();
        LeaseCount witness = (LeaseCount) LEASES.compareAndExchange(this, (LeaseCount) null, made);
        return witness == null ? made : witness;
    }

    /** @return the leases open on the object now, over all threads */
    int open() {
        LeaseCount current = leases;
        return current == null ? 0 : current.open();
    }
}
