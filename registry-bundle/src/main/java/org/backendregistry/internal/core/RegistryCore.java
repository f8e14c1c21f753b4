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
    private final Publisher publisher;
    private final ServiceTracking tracking;
    private final Registrations calls;
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
        this.tracking = new ServiceTracking(this, publisher, generation, log, deprecations);
        this.calls = new Registrations(this, publisher, generation);
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
    BackendId<?> own(BackendId<?> id) {
        BackendFamily<?> family = id.family();
        table(family);
        return CatalogNames.quietly(family, id.name());
    }

    private boolean isKnown(NameSlot slot) {
        return slot.id().isCatalog() || (slot.hasProviders() && slot.admitted(configuration));
    }

    String unknownMessage(BackendFamily<?> family, String name) {
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
                tracking.update(service, service.properties);
            }
            for (NameSlot slot : table.slots()) {
                synchronized (table.lock) {
                    slot.changed();
                }
                publisher.refresh(table, slot);
            }
        }
    }

    // ---- services (see ServiceTracking) ----

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

    /** Starts tracking {@code service}, unless {@link #untrack} came first; what it provides serves on return. */
    public void track(TrackedService service) {
        tracking.track(service);
    }

    /** The service's properties changed: its name, ranking or default flag may have. */
    public void modified(TrackedService service, Function<String, Object> properties) {
        tracking.modified(service, properties);
    }

    /** The service went away: the next provider serves on return, and its object is never published again. */
    public void untrack(TrackedService service) {
        tracking.untrack(service);
    }

    boolean isAdmitted(BackendFamily<?> family, String name) {
        return !configuration.catalogClosed() || family.catalogId(name).isPresent();
    }

    // ---- calls (see Registrations) ----

    /**
     * Serves {@code id} with {@code instance} ahead of every service, until {@link #unregister}.
     *
     * @return the provider to pass to {@link #unregister}
     * @throws IllegalArgumentException when the catalog is closed to the name, or a hand-made id's name is invalid
     * @throws IllegalStateException    when the owner may not override
     */
    public Object register(BackendId<?> id, Object instance, Owner owner) {
        return calls.register(id, instance, owner);
    }

    /** Withdraws a registration made with {@link #register}; does nothing the second time. */
    public void unregister(Object registration) {
        calls.unregister(registration);
    }

    /** Sets aside every override of {@code id}; does nothing when nothing overrides the name. */
    public void clearOverride(BackendId<?> id) {
        calls.clearOverride(id);
    }

    /**
     * Decides {@code id} again, trying its providers that failed to give their object.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public void retry(BackendId<?> id) {
        calls.retry(id);
    }
}
