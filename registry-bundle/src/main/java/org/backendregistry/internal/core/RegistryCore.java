package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;

/**
 * The decision core: which provider serves each name, by the precedence rules, kept current as
 * providers come, change and go. Knows nothing of OSGi: services arrive as properties plus a
 * {@link ServiceSource}.
 *
 * <p>Every change follows the same path: mutate the name's provider list under the family lock (pure
 * data), obtain the best candidate's object with no lock held (foreign code), then publish under the
 * lock if nothing changed meanwhile, else start over. Lookups read the published {@link Served}.
 */
public final class RegistryCore {

    private final FamilyTable[] tables;
    private final ChangeSink sink;
    private final Logger log;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong registrations = new AtomicLong();

    public RegistryCore(List<? extends BackendFamily<?>> families, ChangeSink sink, Logger log) {
        this.tables = new FamilyTable[families.size()];
        for (BackendFamily<?> family : families) {
            tables[family.index()] = new FamilyTable(family);
        }
        this.sink = sink;
        this.log = log;
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
        throw new IllegalStateException(id.family().notRegisteredMessage(id));
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
        List<BackendId<B>> names = new ArrayList<>(family.catalog());
        List<BackendId<B>> plugins = new ArrayList<>();
        for (NameSlot slot : table(family).slots()) {
            if (!slot.id().isCatalog() && slot.hasProviders()) {
                plugins.add((BackendId<B>) slot.id());
            }
        }
        plugins.sort(Comparator.comparing(BackendId::name));
        names.addAll(plugins);
        return names;
    }

    /** @return a number that grows with every change of a serving provider */
    public long generation() {
        return generation.get();
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

    // ---- services ----

    /** Starts tracking a service of {@code family}; it becomes a provider when its properties allow. */
    public TrackedService track(BackendFamily<?> family, long serviceId, Owner owner,
            Function<String, Object> properties, ServiceSource source) {
        TrackedService service = new TrackedService(family, serviceId, owner, source);
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
            Provider old = service.provider;
            if (old != null) {
                before = table.slotForUpdate(old.id());
                before.remove(old);
            }
            if (read.isProvider()) {
                BackendId<?> id = service.family.id(read.name());
                BackendProvider description = new BackendProvider(BackendProvider.Origin.SERVICE, service.serviceId,
                        service.owner.bundleId(), service.owner.symbolicName(), service.owner.version(), read.ranking(),
                        read.isDefault(), null);
                service.provider = new Provider(id, read.isDefault() ? ProviderKind.DEFAULT : ProviderKind.OVERRIDE,
                        description, service.acquisition);
                after = table.slotForUpdate(id);
                after.add(service.provider);
                service.problem = null;
            } else {
                service.provider = null;
                if (!read.problem().equals(service.problem)) {
                    newProblem = read.problem();
                }
                service.problem = read.problem();
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
        }
        if (after == null) {
            release(table, service.acquisition);
        }
    }

    // ---- programmatic registrations ----

    /**
     * Serves {@code id} with {@code instance} ahead of every service, until {@link #unregister}.
     *
     * @return the provider to pass to {@link #unregister}
     */
    public Object register(BackendId<?> id, Object instance, Owner owner) {
        long sequence = registrations.incrementAndGet();
        BackendProvider description = new BackendProvider(BackendProvider.Origin.REGISTRATION, sequence,
                owner.bundleId(), owner.symbolicName(), owner.version(), 0, false, instance.getClass().getName());
        Provider provider = new Provider(id, ProviderKind.REGISTRATION, description,
                new Acquisition(new InstanceSource(instance)));
        FamilyTable table = table(id.family());
        NameSlot slot;
        synchronized (table.lock) {
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
            List<Provider> candidates;
            long version;
            synchronized (table.lock) {
                candidates = slot.candidates(table.setAsideServices);
                version = slot.version();
            }
            Provider chosen = null;
            Object object = null;
            for (Provider candidate : candidates) {
                object = obtain(table.family(), candidate);
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
                Served previous = slot.served();
                Served next = chosen == null ? null : new Served(chosen, object);
                slot.publish(next);
                for (Provider provider : slot.providers()) {
                    if (!provider.sameAs(chosen) && provider.acquisition().take()) {
                        released.add(provider.acquisition());
                    }
                }
                change = isChange(previous, next) ? new BackendChange(slot.id(),
                        Optional.ofNullable(previous).map(Served::description),
                        Optional.ofNullable(next).map(Served::description), generation.incrementAndGet()) : null;
                table.forgetIfUnused(slot);
            }
            released.forEach(Acquisition::giveBack);
            if (change != null) {
                sink.changed(change);
            }
            return;
        }
    }

    private static boolean isChange(Served previous, Served next) {
        if (previous == null || next == null) {
            return previous != next;
        }
        return !previous.provider().sameAs(next.provider()) || previous.object() != next.object();
    }

    /** @return the candidate's object, or {@code null} (logged) when it cannot be had or has the wrong type */
    private Object obtain(BackendFamily<?> family, Provider candidate) {
        Object object;
        try {
            object = candidate.acquisition().obtain();
        } catch (RuntimeException | LinkageError e) {
            log.log(Level.WARNING, "Cannot obtain the " + candidate.id().name() + " provider " + candidate
                    + ": getService threw " + e + "; the next provider serves", e);
            return null;
        }
        if (object == null) {
            log.log(Level.WARNING, "Cannot obtain the {0} provider {1}: getService returned null; the next provider serves",
                    candidate.id().name(), candidate);
            return null;
        }
        if (!family.serviceType().isInstance(object)) {
            log.log(Level.WARNING, "The {0} provider {1} is a {2}, not a {3}; the next provider serves",
                    candidate.id().name(), candidate, object.getClass().getName(), family.serviceType().getName());
            return null;
        }
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

    private FamilyTable table(BackendFamily<?> family) {
        return tables[family.index()];
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
