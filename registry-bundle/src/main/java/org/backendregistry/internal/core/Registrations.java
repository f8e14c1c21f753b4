package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;

/**
 * Providers made by calls rather than services: programmatic registrations, and the operator's
 * clearOverride and retry of a name.
 */
final class Registrations {

    private final RegistryCore core;
    private final Publisher publisher;
    private final AtomicLong generation;
    private final AtomicLong registrations = new AtomicLong();

    Registrations(RegistryCore core, Publisher publisher, AtomicLong generation) {
        this.core = core;
        this.publisher = publisher;
        this.generation = generation;
    }

    /**
     * Serves {@code id} with {@code instance} ahead of every service, until {@link #unregister}.
     *
     * @return the provider to pass to {@link #unregister}
     * @throws IllegalArgumentException when the catalog is closed to the name, or a hand-made id's name is invalid
     * @throws IllegalStateException    when the owner may not override
     */
    Object register(BackendId<?> given, Object instance, Owner owner) {
        BackendId<?> id = core.own(given);
        if (!core.isAdmitted(id.family(), id.name())) {
            throw new IllegalArgumentException(core.lookups().unknownMessage(id.family(), id.name())
                    + ". (catalog.closed=true admits no other names.)");
        }
        if (!core.configuration().trusts(owner.symbolicName())) {
            throw new IllegalStateException("Bundle " + owner.symbolicName() + " [" + owner.bundleId() + "] may not "
                    + "override " + id.name() + ": denied by policy (it matches no pattern of trusted.bundles in "
                    + "configuration org.backendregistry).");
        }
        long sequence = registrations.incrementAndGet();
        String className = instance.getClass().getName();
        BackendProvider description = new BackendProvider(BackendProvider.Origin.REGISTRATION, sequence,
                owner.bundleId(), owner.symbolicName(), owner.version(), 0, false, className);
        Provider provider = new Provider(id, ProviderKind.REGISTRATION, description,
                new Acquisition(new InstanceSource(instance)), className, null);
        FamilyTable table = core.table(id.family());
        NameSlot slot;
        synchronized (table.lock) {
            generation.incrementAndGet();
            slot = table.slotForUpdate(id);
            slot.add(provider);
        }
        publisher.refresh(table, slot);
        return provider;
    }

    /** Withdraws a registration made with {@link #register}; does nothing the second time. */
    void unregister(Object registration) {
        Provider provider = (Provider) registration;
        FamilyTable table = core.table(provider.id().family());
        NameSlot slot;
        synchronized (table.lock) {
            slot = table.slot(provider.id());
            if (slot == null || slot.remove(provider) == null) {
                return;
            }
            generation.incrementAndGet();
            provider.acquisition().close();
        }
        publisher.refresh(table, slot);
        publisher.release(table, provider.acquisition(), provider);
    }

    /**
     * Sets aside every override of {@code id}: registrations are withdrawn, override services skipped
     * until they register again. Does nothing when nothing overrides the name.
     */
    void clearOverride(BackendId<?> given) {
        BackendId<?> id = core.own(given);
        FamilyTable table = core.table(id.family());
        NameSlot slot;
        List<Provider> withdrawn = new ArrayList<>();
        synchronized (table.lock) {
            slot = table.slot(id);
            if (slot == null) {
                return;
            }
            boolean changed = false;
            for (Provider provider : slot.providers()) {
                if (provider.kind() == ProviderKind.REGISTRATION) {
                    slot.remove(provider);
                    provider.acquisition().close();
                    withdrawn.add(provider);
                } else if (provider.kind() == ProviderKind.OVERRIDE) {
                    changed |= table.setAside(provider.sequence(), id);
                }
            }
            if (!changed && withdrawn.isEmpty()) {
                return;
            }
            generation.incrementAndGet();
            slot.changed();
        }
        publisher.refresh(table, slot);
        for (Provider provider : withdrawn) {
            publisher.release(table, provider.acquisition(), provider);
        }
    }

    /**
     * Tries again the providers of {@code id} that failed to give their object: their name is decided
     * again, which obtains each candidate in precedence order.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    void retry(BackendId<?> given) {
        BackendId<?> id = core.own(given);
        core.lookups().lookup(id.family(), id.name());
        FamilyTable table = core.table(id.family());
        NameSlot slot;
        synchronized (table.lock) {
            slot = table.slot(id);
            if (slot == null) {
                return;
            }
            slot.changed();
        }
        publisher.refresh(table, slot);
    }

    /** The source of a programmatic registration: its instance, nothing to give back. */
    private record InstanceSource(Object instance) implements ServiceSource {
        @Override
        public Object get() {
            return instance;
        }

        @Override
        public void unget() {
            // a plain instance has no use count
        }
    }
}
