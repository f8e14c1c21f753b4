package org.backendregistry.internal.core;

import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;

/** A lease on the object a name was served by when it was taken; see {@link BackendLease}. */
final class OpenLease<B> implements BackendLease<B> {

    private final Served served;
    private final LeaseCount leases;
    private final ThreadLeases owner;
    private final int slot;
    private boolean closed;

    private OpenLease(Served served, LeaseCount leases, ThreadLeases owner, int slot) {
        this.served = served;
        this.leases = leases;
        this.owner = owner;
        this.slot = slot;
    }

    /**
     * Counts a lease on what {@code slot} publishes as {@code served}, then checks it is still published:
     * a departure unpublishes first and then reads the count, so either it sees this lease and waits for
     * it, or this check sees the departure and the lease is not taken.
     *
     * @return the lease, or {@code null} when the name moved on meanwhile (take it again from the new one)
     */
    static <B> OpenLease<B> take(NameSlot slot, Served served) {
        LeaseCount leases = served.hold().leasesToTake();
        ThreadLeases mine = ThreadLeases.current();
        int counted = leases.opened(mine);
        Served now = slot.served();
        if (now == null || now.hold() != served.hold()) {
            leases.closed(mine, counted);
            return null;
        }
        return new OpenLease<>(served, leases, mine, counted);
    }

    @Override
    @SuppressWarnings("unchecked")
    public B backend() {
        return (B) served.object();
    }

    @Override
    public BackendProvider provider() {
        return served.description();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // counted where it was taken: closing on another thread still ends it there
        leases.closed(owner, slot);
    }

    @Override
    public String toString() {
        return "lease on " + served.description() + (closed ? " (closed)" : "");
    }
}
