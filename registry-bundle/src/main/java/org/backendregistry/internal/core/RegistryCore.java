package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NotServingReason;

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
    private final ChangeSink sink;
    private final Logger log;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong registrations = new AtomicLong();
    private volatile RegistryConfiguration configuration;

    public RegistryCore(List<? extends BackendFamily<?>> families, ChangeSink sink, Logger log) {
        this.families = List.copyOf(families);
        this.tables = new FamilyTable[families.size()];
        for (BackendFamily<?> family : families) {
            tables[family.index()] = new FamilyTable(family);
        }
        this.sink = sink;
        this.log = log;
        this.configuration = RegistryConfiguration.defaults(families);
    }

    // ---- lookups: lock-free, allocation-free on success ----

    /** @return what serves {@code id} now, or {@code null} */
    public Served served(BackendId<?> id) {
        NameSlot slot = table(id.family()).slot(id);
        return slot == null ? null : slot.served();
    }

    /**
     * @return what serves {@code id} now
     * @throws IllegalArgumentException for a plugin name nothing provides
     * @throws IllegalStateException    for a known name nothing serves
     */
    public Served require(BackendId<?> id) {
        NameSlot slot = table(id.family()).slot(id);
        Served served = slot == null ? null : slot.served();
        if (served != null) {
            return served;
        }
        if (slot == null || !isKnown(slot)) {
            throw new IllegalArgumentException(unknownMessage(id.family(), id.name()));
        }
        String problem = slot.problem();
        throw new IllegalStateException(problem != null ? problem : id.family().notRegisteredMessage(id));
    }

    /** @return whether {@code id} is known: a catalog name, or a plugin name some provider offers */
    public boolean isKnown(BackendId<?> id) {
        NameSlot slot = table(id.family()).slot(id);
        return slot != null && isKnown(slot);
    }

    @SuppressWarnings("unchecked")
    public <B> BackendId<B> lookup(BackendFamily<B> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        if (slot != null && isKnown(slot)) {
            return (BackendId<B>) slot.id();
        }
        return family.catalogId(name)
                .orElseThrow(() -> new IllegalArgumentException(unknownMessage(family, name)));
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

    /** @return the configuration in force */
    public RegistryConfiguration configuration() {
        return configuration;
    }

    /** @return the families, by index */
    public List<? extends BackendFamily<?>> families() {
        return families;
    }

    FamilyTable table(BackendFamily<?> family) {
        return tables[family.index()];
    }

    private static boolean isKnown(NameSlot slot) {
        return slot.id().isCatalog() || slot.hasProviders();
    }

    private String unknownMessage(BackendFamily<?> family, String name) {
        List<String> plugins = new ArrayList<>();
        for (BackendId<?> id : names(family)) {
            if (!id.isCatalog()) {
                plugins.add(id.name());
            }
        }
        return family.unknownNameMessage(name, plugins);
    }

    // ---- configuration ----

    /** Applies a new configuration: pins, trust and the closed catalog take effect before this returns. */
    public void configure(RegistryConfiguration next) {
        configuration = next;
        for (String problem : next.problems()) {
            log.log(Level.WARNING, "Configuration org.backendregistry: {0}", problem);
        }
        for (BackendFamily<?> family : families) {
            family.warnOnDeprecatedNames(next.deprecationWarnings());
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
                refresh(table, slot);
            }
        }
    }

    // ---- services ----

    /** Starts tracking a service of {@code family}; it becomes a provider when its properties allow. */
    public TrackedService track(BackendFamily<?> family, long serviceId, Owner owner,
            Function<String, Object> properties, ServiceSource source) {
        TrackedService service = new TrackedService(family, serviceId, owner, source, properties);
        FamilyTable table = table(family);
        synchronized (table.lock) {
            table.services.add(service);
        }
        update(service, properties);
        return service;
    }

    /** The service's properties changed: its name, ranking or default flag may have. */
    public void modified(TrackedService service, Function<String, Object> properties) {
        update(service, properties);
    }

    /** The service went away: what it served is served by the next provider before this returns. */
    public void untrack(TrackedService service) {
        FamilyTable table = table(service.family);
        NameSlot slot = null;
        synchronized (table.lock) {
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
            refresh(table, slot);
        }
        release(table, service.acquisition);
    }

    private void update(TrackedService service, Function<String, Object> properties) {
        ProviderProperties read = ProviderProperties.read(properties);
        for (String warning : read.warnings()) {
            log.log(Level.WARNING, "{0}: {1}", service, warning);
        }
        FamilyTable table = table(service.family);
        NameSlot before = null;
        NameSlot after = null;
        String newProblem = null;
        synchronized (table.lock) {
            if (!table.services.contains(service)) {
                return; // untracked meanwhile
            }
            generation.incrementAndGet();
            service.properties = properties;
            Provider old = service.provider;
            if (old != null) {
                before = table.slotForUpdate(old.id());
                before.remove(old);
            }
            String previousProblem = service.problem;
            if (read.isProvider() && isAdmitted(service.family, read.name())) {
                BackendId<?> id = service.family.id(read.name());
                BackendProvider description = new BackendProvider(BackendProvider.Origin.SERVICE, service.serviceId,
                        service.owner.bundleId(), service.owner.symbolicName(), service.owner.version(), read.ranking(),
                        read.isDefault(), null);
                service.provider = new Provider(id, read.isDefault() ? ProviderKind.DEFAULT : ProviderKind.OVERRIDE,
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
        if (before != null && before != after) {
            refresh(table, before);
        }
        if (after != null) {
            refresh(table, after);
        } else {
            release(table, service.acquisition);
        }
    }

    private boolean isAdmitted(BackendFamily<?> family, String name) {
        return !configuration.catalogClosed() || family.catalogId(name).isPresent();
    }

    // ---- programmatic registrations ----

    /**
     * Serves {@code id} with {@code instance} ahead of every service, until {@link #unregister}.
     *
     * @return the provider to pass to {@link #unregister}
     * @throws IllegalArgumentException when the catalog is closed to the name
     * @throws IllegalStateException    when the owner may not override
     */
    public Object register(BackendId<?> id, Object instance, Owner owner) {
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
        refresh(table, slot);
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
        refresh(table, slot);
        release(table, provider.acquisition());
    }

    /**
     * Sets aside every override of {@code id}: registrations are withdrawn, override services skipped
     * until they register again. Does nothing when nothing overrides the name.
     */
    public void clearOverride(BackendId<?> id) {
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
                    changed |= table.setAsideServices.add(provider.sequence());
                }
            }
            if (!changed && withdrawn.isEmpty()) {
                return;
            }
            generation.incrementAndGet();
            slot.changed();
        }
        refresh(table, slot);
        for (Provider provider : withdrawn) {
            release(table, provider.acquisition());
        }
    }

    // ---- publishing ----

    private void refresh(FamilyTable table, NameSlot slot) {
        while (true) {
            CandidateOrder order;
            long version;
            synchronized (table.lock) {
                order = slot.order(table.setAsideServices, configuration);
                version = slot.version();
            }
            Provider chosen = null;
            Object object = null;
            List<Provider> wrongType = new ArrayList<>(0);
            for (Provider candidate : order.tryOrder()) {
                object = obtain(table.family(), candidate, wrongType);
                if (object != null) {
                    chosen = candidate;
                    break;
                }
            }
            List<Acquisition> released = new ArrayList<>();
            BackendChange change;
            synchronized (table.lock) {
                if (slot.version() != version || (chosen != null && !chosen.acquisition().holds(object))) {
                    continue; // the candidates changed while we obtained: decide again
                }
                if (rejectWrongTypes(slot, wrongType)) {
                    continue;
                }
                Served previous = slot.served();
                Served next = chosen == null ? null : new Served(chosen, object);
                slot.publish(next, order.problem());
                for (Provider provider : slot.providers()) {
                    if (!provider.sameAs(chosen) && provider.acquisition().take()) {
                        released.add(provider.acquisition());
                    }
                }
                change = null;
                if (isChange(previous, next)) {
                    change = new BackendChange(slot.id(), Optional.ofNullable(previous).map(Served::description),
                            Optional.ofNullable(next).map(Served::description), generation.incrementAndGet());
                }
                table.forgetIfUnused(slot);
            }
            released.forEach(Acquisition::giveBack);
            if (change != null) {
                sink.changed(change);
            }
            return;
        }
    }

    /** Services whose object is not of the family's type are not providers; call with the lock held. */
    private boolean rejectWrongTypes(NameSlot slot, List<Provider> wrongType) {
        boolean rejected = false;
        for (Provider provider : wrongType) {
            TrackedService service = provider.service();
            if (service != null && service.provider == provider) {
                slot.remove(provider);
                service.reject(FailureReason.WRONG_TYPE, provider.acquisition().knownClassName(),
                        provider.acquisition().failureDetail());
                generation.incrementAndGet();
                rejected = true;
            }
        }
        return rejected;
    }

    private static boolean isChange(Served previous, Served next) {
        if (previous == null || next == null) {
            return previous != next;
        }
        return !previous.provider().sameAs(next.provider()) || previous.object() != next.object();
    }

    /** @return the candidate's object, or {@code null} (logged, remembered) when it cannot be had */
    private Object obtain(BackendFamily<?> family, Provider candidate, List<Provider> wrongType) {
        Acquisition acquisition = candidate.acquisition();
        Object object;
        try {
            object = acquisition.obtain();
        } catch (RuntimeException | LinkageError e) {
            String detail = "getService threw " + e;
            acquisition.outcome(null, NotServingReason.EXCEPTION_ON_GET, detail);
            log.log(Level.WARNING, "Cannot obtain the " + candidate.id().name() + " provider " + candidate + ": "
                    + detail + "; the next provider serves", e);
            return null;
        }
        if (object == null) {
            acquisition.outcome(null, NotServingReason.NOT_GETTABLE, "getService returned null");
            log.log(Level.WARNING, "Cannot obtain the {0} provider {1}: getService returned null; the next provider serves",
                    candidate.id().name(), candidate);
            return null;
        }
        if (!family.serviceType().isInstance(object)) {
            String detail = "its object is a " + object.getClass().getName() + ", not a " + family.serviceType().getName()
                    + " (check that the bundle imports the registry's API package)";
            acquisition.outcome(object, null, detail);
            log.log(Level.WARNING, "The {0} provider {1}: {2}; the next provider serves", candidate.id().name(),
                    candidate, detail);
            wrongType.add(candidate);
            FamilyTable table = table(family);
            release(table, acquisition);
            return null;
        }
        acquisition.outcome(object, null, null);
        return object;
    }

    private static void release(FamilyTable table, Acquisition acquisition) {
        boolean taken;
        synchronized (table.lock) {
            taken = acquisition.take();
        }
        if (taken) {
            acquisition.giveBack();
        }
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
