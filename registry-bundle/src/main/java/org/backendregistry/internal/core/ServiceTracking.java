package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.internal.names.CatalogNames;
import org.backendregistry.internal.names.DeprecationWarnings;

/**
 * Services as providers: a tracked service becomes the provider of the name its properties give, changes
 * role when they change, and leaves when it goes away; each change decides its names again.
 */
final class ServiceTracking {

    private final RegistryCore core;
    private final Publisher publisher;
    private final AtomicLong generation;
    private final Logger log;
    private final DeprecationWarnings deprecations;

    ServiceTracking(RegistryCore core, Publisher publisher, AtomicLong generation, Logger log,
            DeprecationWarnings deprecations) {
        this.core = core;
        this.publisher = publisher;
        this.generation = generation;
        this.log = log;
        this.deprecations = deprecations;
    }

    /**
     * Starts tracking {@code service}: what it provides is served before this returns, unless
     * {@link #untrack} was called for it first, in which case nothing happens.
     */
    void track(TrackedService service) {
        FamilyTable table = core.table(service.family);
        synchronized (table.lock) {
            if (service.gone) {
                return;
            }
            table.services.add(service);
        }
        update(service, service.properties);
    }

    /** The service's properties changed: its name, ranking or default flag may have. */
    void modified(TrackedService service, Function<String, Object> properties) {
        update(service, properties);
    }

    /**
     * The service went away: what it served is served by the next provider before this returns, and its
     * object is never published again, even by a decision in progress on another thread. Does nothing the
     * second time.
     */
    void untrack(TrackedService service) {
        FamilyTable table = core.table(service.family);
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
        } else {
            publisher.viewChanged(); // a failed service left the runtime view
        }
        publisher.release(table, service.acquisition, gone);
    }

    void update(TrackedService service, Function<String, Object> properties) {
        ProviderProperties read = ProviderProperties.read(properties);
        for (String warning : read.warnings()) {
            log.log(Level.WARNING, "{0}: {1}", service, warning);
        }
        FamilyTable table = core.table(service.family);
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
            if (read.isProvider() && core.isAdmitted(service.family, read.name())) {
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
            if (before == null) {
                publisher.viewChanged(); // a failure came or changed, no name was decided again
            }
        }
    }

    private static ProviderKind kindOf(ProviderProperties read) {
        return read.isDefault() ? ProviderKind.DEFAULT : ProviderKind.OVERRIDE;
    }
}
