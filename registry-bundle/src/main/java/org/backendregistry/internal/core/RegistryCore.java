package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.internal.names.CatalogNames;
import org.backendregistry.internal.names.DeprecationWarnings;

/**
 * The decision core: which provider serves each name, by the precedence rules and the operator's
 * configuration, kept current as providers come, change and go. Knows nothing of OSGi: services arrive
 * as properties plus a {@link ServiceSource}.
 *
 * <p>Every change follows the same path: mutate the name's provider list under the family lock (pure
 * data), obtain the best candidate's object with no lock held (foreign code), then publish under the
 * lock if nothing changed meanwhile, else start over. {@link Lookups} read the published {@link Served}.
 */
public final class RegistryCore {

    private final List<? extends BackendFamily<?>> families;
    private final Logger log;
    private final AtomicLong generation = new AtomicLong();
    private final Publisher publisher;
    private final ServiceTracking tracking;
    private final Registrations calls;
    private final DeprecationWarnings deprecations = DeprecationWarnings.shared();
    private final Lookups lookups;
    private volatile RegistryConfiguration configuration;

    public RegistryCore(List<? extends BackendFamily<?>> families, ChangeSink sink, Logger log) {
        this.families = List.copyOf(families);
        this.log = log;
        this.configuration = RegistryConfiguration.defaults(families);
        this.lookups = new Lookups(this.families, () -> configuration, deprecations);
        this.publisher = new Publisher(generation, sink, log, () -> configuration);
        this.tracking = new ServiceTracking(this, publisher, generation, log, deprecations);
        this.calls = new Registrations(this, publisher, generation);
    }

    /**
     * @return the registry's reads (what serves a name, which names are known, leases); hold on to it
     *         rather than calling through the core, so that a lookup is no longer than the reads themselves
     */
    public Lookups lookups() {
        return lookups;
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
        return lookups.table(family);
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
