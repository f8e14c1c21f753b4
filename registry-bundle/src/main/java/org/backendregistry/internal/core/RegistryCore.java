package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.internal.names.CatalogNames;
import org.backendregistry.internal.names.DeprecationWarnings;
import org.backendregistry.internal.names.NameMessages;

/**
 * The decision core: which provider serves each name, by the precedence rules and the operator's
 * configuration, kept current as providers come, change and go. Knows nothing of OSGi: services arrive
 * as properties plus a {@link ServiceSource}.
 *
 * <p>Every change follows the same path: mutate the name's provider list under the family lock (pure
 * data), obtain the best candidate's object with no lock held (foreign code), then publish under the
 * lock if nothing changed meanwhile, else start over. Lookups read the published {@link Served}.
 */
public final class RegistryCore {

    private final List<? extends BackendFamily<?>> families;
    private final FamilyTable[] tables;
    private final Logger log;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong registrations = new AtomicLong();
    private final Publisher publisher;
    private final DeprecationWarnings deprecations = DeprecationWarnings.shared();
    private volatile RegistryConfiguration configuration;

    public RegistryCore(List<? extends BackendFamily<?>> families, ChangeSink sink, Logger log) {
        this.families = List.copyOf(families);
        this.tables = new FamilyTable[families.size()];
        for (BackendFamily<?> family : families) {
            tables[family.index()] = new FamilyTable(family);
        }
        this.log = log;
        this.configuration = RegistryConfiguration.defaults(families);
        this.publisher = new Publisher(generation, sink, log, () -> configuration);
    }

    // ---- lookups: lock-free, allocation-free on success ----

    /** @return what serves {@code id} now, or {@code null} */
    public Served served(BackendId<?> id) {
        NameSlot slot = slot(id);
        return slot == null ? null : slot.served();
    }

    /** Finds a name's slot: catalog ids by class and ordinal, without calling into the id. */
    private NameSlot slot(BackendId<?> id) {
        for (FamilyTable table : tables) {
            NameSlot slot = table.catalogSlot(id);
            if (slot != null) {
                return slot;
            }
        }
        return table(id.family()).slot(id.name());
    }

    /**
     * @return what serves {@code id} now
     * @throws IllegalArgumentException for a plugin name nothing provides
     * @throws IllegalStateException    for a known name nothing serves
     */
    public Served require(BackendId<?> id) {
        NameSlot slot = slot(id);
        Served served = slot == null ? null : slot.served();
        if (served != null) {
            return served;
        }
        if (slot == null || !isKnown(slot)) {
            throw new IllegalArgumentException(unknownMessage(id.family(), id.name()));
        }
        String problem = slot.problem();
        throw new IllegalStateException(problem != null ? problem : NameMessages.notRegistered(id));
    }

    /**
     * @return what serves the name {@code name} of {@code family} now; one map read when something does
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a known name nothing serves
     */
    public Served require(BackendFamily<?> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        Served served = slot == null ? null : slot.served();
        if (served != null) {
            return served; // published only for admitted names: a closed catalog unpublishes plugin names
        }
        return require(lookup(family, name));
    }

    /**
     * @return a lease on what serves {@code id} now
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a known name nothing serves
     */
    public <B> BackendLease<B> lease(BackendId<B> id) {
        while (true) {
            NameSlot slot = slot(id);
            Served served = slot == null ? null : slot.served();
            OpenLease<B> lease = served == null ? null : OpenLease.take(slot, served);
            if (lease != null) {
                return lease;
            }
            if (served == null) {
                require(id); // throws what a lookup throws, unless something serves by now
            }
        }
    }

    /**
     * @return a lease on what serves the name {@code name} of {@code family} now
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a known name nothing serves
     */
    public <B> BackendLease<B> lease(BackendFamily<B> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        Served served = slot == null ? null : slot.served();
        OpenLease<B> lease = served == null ? null : OpenLease.take(slot, served);
        return lease != null ? lease : lease(lookup(family, name));
    }

    /** @return whether {@code id} is known: a catalog name, or a plugin name some provider offers */
    public boolean isKnown(BackendId<?> id) {
        NameSlot slot = slot(id);
        return slot != null && isKnown(slot);
    }

    @SuppressWarnings("unchecked")
    public <B> BackendId<B> lookup(BackendFamily<B> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        if (slot != null && isKnown(slot)) {
            return (BackendId<B>) slot.id();
        }
        BackendId<B> id = family.catalogId(name)
                .orElseThrow(() -> new IllegalArgumentException(unknownMessage(family, name)));
        deprecations.nameUsed(family, name);
        return id;
    }

    /** @return the catalog of {@code family}, then the plugin names that have a provider, sorted */
    @SuppressWarnings("unchecked")
    public <B> List<BackendId<B>> names(BackendFamily<B> family) {
        List<BackendId<B>> names = new ArrayList<>();
        for (NameSlot slot : table(family).slots()) {
            if (isKnown(slot)) {
                names.add((BackendId<B>) slot.id());
            }
        }
        return names;
    }

    /** @return a number that grows with every change of the registry's state */
    public long generation() {
        return generation.get();
    }

    /** @return the departures that gave up waiting for their leases, oldest first */
    List<Drain.TimedOut> drainTimeouts() {
        return publisher.drain().timedOut();
    }

    /** @return the configuration in force */
    public RegistryConfiguration configuration() {
        return configuration;
    }

    /** @return the families, by index */
    public List<? extends BackendFamily<?>> families() {
        return families;
    }

    /** @throws IllegalArgumentException for a family this registry does not serve, naming it */
    FamilyTable table(BackendFamily<?> family) {
        int index = family == null ? -1 : family.index();
        FamilyTable table = index >= 0 && index < tables.length ? tables[index] : null;
        if (table == null || table.family() != family) {
            throw new IllegalArgumentException("Unknown backend family '" + family + "': this registry serves "
                    + families.stream().map(BackendFamily::displayName).collect(Collectors.joining(", ")));
        }
        return table;
    }

    /**
     * @return the registry's own id for {@code id}: a caller may hand in an id of its own making, whose
     *         methods must not run under a lock nor its name become a slot unchecked
     */
    private BackendId<?> own(BackendId<?> id) {
        BackendFamily<?> family = id.family();
        table(family);
        return CatalogNames.quietly(family, id.name());
    }

    private boolean isKnown(NameSlot slot) {
        return slot.id().isCatalog() || (slot.hasProviders() && slot.admitted(configuration));
    }

    private String unknownMessage(BackendFamily<?> family, String name) {
        List<String> plugins = new ArrayList<>();
        for (BackendId<?> id : names(family)) {
            if (!id.isCatalog()) {
                plugins.add(id.name());
            }
        }
        return NameMessages.unknownName(family, name, plugins);
    }

    /**
     * The registry is stopping: services that go away from now on are not replaced by obtaining the
     * next provider, so that stopping does not activate backends only to release them.
     */
    public void close() {
        publisher.close();
    }

    // ---- configuration ----

    /** Applies a new configuration: pins, trust and the closed catalog take effect before this returns. */
    public void configure(RegistryConfiguration next) {
        configuration = next;
        for (String problem : next.problems()) {
            log.log(Level.WARNING, "Configuration org.backendregistry: {0}", problem);
        }
        deprecations.enable(next.deprecationWarnings());
        for (BackendFamily<?> family : families) {
            FamilyTable table = table(family);
            List<TrackedService> services;
            synchronized (table.lock) {
                generation.incrementAndGet();
                services = List.copyOf(table.services);
            }
            // the closed catalog may turn providers into failures and back
            for (TrackedService service : services) {
                update(service, service.properties);
            }
            for (NameSlot slot : table.slots()) {
                synchronized (table.lock) {
                    slot.changed();
                }
                publisher.refresh(table, slot);
            }
        }
    }

    // ---- services ----

    /** Starts tracking a service of {@code family}; it becomes a provider when its properties allow. */
    public TrackedService track(BackendFamily<?> family, long serviceId, Owner owner,
            Function<String, Object> properties, ServiceSource source) {
        TrackedService service = service(family, serviceId, owner, properties, source);
        track(service);
        return service;
    }

    /**
     * Describes a service without tracking it yet, so that the caller can make it findable for a
     * concurrent {@link #untrack} before {@link #track(TrackedService)} decides anything.
     */
    public TrackedService service(BackendFamily<?> family, long serviceId, Owner owner,
            Function<String, Object> properties, ServiceSource source) {
        table(family); // rejects a family that is not the registry's
        return new TrackedService(family, serviceId, owner, source, properties);
    }

    /**
     * Starts tracking {@code service}: what it provides is served before this returns, unless
     * {@link #untrack} was called for it first, in which case nothing happens.
     */
    public void track(TrackedService service) {
        FamilyTable table = table(service.family);
        synchronized (table.lock) {
            if (service.gone) {
                return;
            }
            table.services.add(service);
        }
        update(service, service.properties);
    }

    /** The service's properties changed: its name, ranking or default flag may have. */
    public void modified(TrackedService service, Function<String, Object> properties) {
        update(service, properties);
    }

    /**
     * The service went away: what it served is served by the next provider before this returns, and its
     * object is never published again, even by a decision in progress on another thread. Does nothing the
     * second time.
     */
    public void untrack(TrackedService service) {
        FamilyTable table = table(service.family);
        NameSlot slot = null;
        Provider gone;
        synchronized (table.lock) {
            if (service.gone) {
                return;
            }
            gone = service.provider;
            service.gone = true;
            generation.incrementAndGet();
            table.services.remove(service);
            service.acquisition.close();
            if (service.provider != null) {
                slot = table.slotForUpdate(service.provider.id());
                slot.remove(service.provider);
                service.provider = null;
            }
            table.setAsideServices.remove(service.serviceId);
        }
        if (slot != null) {
            publisher.refresh(table, slot);
        }
        publisher.release(table, service.acquisition, gone);
    }

    private void update(TrackedService service, Function<String, Object> properties) {
        ProviderProperties read = ProviderProperties.read(properties);
        for (String warning : read.warnings()) {
            log.log(Level.WARNING, "{0}: {1}", service, warning);
        }
        FamilyTable table = table(service.family);
        // resolved before the lock; a deprecated name warns after it
        BackendId<?> id = read.isProvider() ? CatalogNames.quietly(service.family, read.name()) : null;
        NameSlot before = null;
        NameSlot after = null;
        Provider previous;
        String newProblem = null;
        synchronized (table.lock) {
            if (!table.services.contains(service)) {
                return; // untracked meanwhile
            }
            generation.incrementAndGet();
            service.properties = properties;
            Provider old = service.provider;
            previous = old;
            if (old != null) {
                before = table.slotForUpdate(old.id());
                before.remove(old);
            }
            String previousProblem = service.problem;
            if (read.isProvider() && isAdmitted(service.family, read.name())) {
                table.keepSetAsideOnlyAs(service.serviceId, id, kindOf(read));
                BackendProvider description = new BackendProvider(BackendProvider.Origin.SERVICE, service.serviceId,
                        service.owner.bundleId(), service.owner.symbolicName(), service.owner.version(), read.ranking(),
                        read.isDefault(), null);
                service.provider = new Provider(id, kindOf(read),
                        description, service.acquisition, read.classHint(), service);
                service.failure = null;
                service.value = null;
                service.problem = null;
                after = table.slotForUpdate(id);
                after.add(service.provider);
            } else if (read.isProvider()) {
                service.reject(FailureReason.UNKNOWN_NAME, "'" + read.name() + "'", "backend.name='" + read.name()
                        + "' is not in the " + service.family.displayName() + " catalog, and catalog.closed=true "
                        + "admits no other names. Use a catalog name, or open the catalog.");
            } else {
                service.reject(read.failure(), read.value(), read.problem());
            }
            if (service.problem != null && !service.problem.equals(previousProblem)) {
                newProblem = service.problem;
            }
        }
        if (newProblem != null) {
            log.log(Level.WARNING, "{0} is not a backend provider ({1} family): {2}", service,
                    service.family.displayName(), newProblem);
        }
        if (after != null) {
            deprecations.nameUsed(service.family, read.name());
        }
        if (before != null && before != after) {
            publisher.refresh(table, before);
        }
        if (after != null) {
            publisher.refresh(table, after);
        } else {
            publisher.release(table, service.acquisition, previous);
        }
    }

    private static ProviderKind kindOf(ProviderProperties read) {
        return read.isDefault() ? ProviderKind.DEFAULT : ProviderKind.OVERRIDE;
    }

    private boolean isAdmitted(BackendFamily<?> family, String name) {
        return !configuration.catalogClosed() || family.catalogId(name).isPresent();
    }

    // ---- programmatic registrations ----

    /**
     * Serves {@code id} with {@code instance} ahead of every service, until {@link #unregister}.
     *
     * @return the provider to pass to {@link #unregister}
     * @throws IllegalArgumentException when the catalog is closed to the name, or a hand-made id's name is invalid
     * @throws IllegalStateException    when the owner may not override
     */
    public Object register(BackendId<?> given, Object instance, Owner owner) {
        BackendId<?> id = own(given);
        if (!isAdmitted(id.family(), id.name())) {
            throw new IllegalArgumentException(unknownMessage(id.family(), id.name())
                    + ". (catalog.closed=true admits no other names.)");
        }
        if (!configuration.trusts(owner.symbolicName())) {
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
        FamilyTable table = table(id.family());
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
    public void unregister(Object registration) {
        Provider provider = (Provider) registration;
        FamilyTable table = table(provider.id().family());
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
    public void clearOverride(BackendId<?> given) {
        BackendId<?> id = own(given);
        FamilyTable table = table(id.family());
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
    public void retry(BackendId<?> given) {
        BackendId<?> id = own(given);
        lookup(id.family(), id.name());
        FamilyTable table = table(id.family());
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
