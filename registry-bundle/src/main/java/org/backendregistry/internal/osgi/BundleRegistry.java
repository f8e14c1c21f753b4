package org.backendregistry.internal.osgi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.internal.core.Lookups;
import org.backendregistry.internal.core.Owner;
import org.backendregistry.internal.core.RegistryCore;
import org.backendregistry.internal.core.Served;
import org.osgi.framework.Bundle;

/**
 * The registry as one bundle sees it: lookups go straight to the core's {@link Lookups}; registrations are made in the
 * bundle's name, load classes through it, and end when the bundle releases the service.
 */
final class BundleRegistry implements BackendRegistry {

    private final RegistryCore core;
    /** held directly: a lookup reads the slot through this object, one reference fewer than through the core */
    private final Lookups lookups;
    private final Bundle caller;
    private final Owner owner;
    private final Set<ProgrammaticRegistration> registrations = ConcurrentHashMap.newKeySet();
    private volatile boolean disposed;

    BundleRegistry(RegistryCore core, Bundle caller) {
        this.core = core;
        this.lookups = core.lookups();
        this.caller = caller;
        this.owner = new Owner(caller.getBundleId(), caller.getSymbolicName(), caller.getVersion().toString());
    }

    @Override
    public <B> BackendId<B> lookup(BackendFamily<B> family, String name) {
        return lookups.lookup(family, name);
    }

    @Override
    public String path(BackendId<?> id) {
        return lookups.require(id).className();
    }

    @Override
    public String path(BackendId<?> id, boolean includeClassName) {
        Served served = lookups.require(id);
        return includeClassName ? served.className() : served.packageName();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <B> Class<? extends B> backendClass(BackendId<B> id) {
        return (Class<? extends B>) lookups.require(id).object().getClass();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <B> B backend(BackendId<B> id) {
        return (B) lookups.require(id).object();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <B> B backend(BackendFamily<B> family, String name) {
        return (B) lookups.require(family, name).object();
    }

    @Override
    public <B> BackendLease<B> lease(BackendId<B> id) {
        return lookups.lease(id);
    }

    @Override
    public <B> BackendLease<B> lease(BackendFamily<B> family, String name) {
        return lookups.lease(family, name);
    }

    @Override
    public boolean isOverridden(BackendId<?> id) {
        Served served = lookups.served(id);
        return served != null && served.isOverridden();
    }

    @Override
    public void clearOverride(BackendId<?> id) {
        core.clearOverride(id);
    }

    @Override
    public void retry(BackendId<?> id) {
        core.retry(id);
    }

    @Override
    public BackendRegistration register(BackendId<?> id, String className) {
        return registerInstance(id, RegisteredClass.load(id, className, caller));
    }

    @Override
    public <B> BackendRegistration register(BackendId<B> id, Class<? extends B> type) {
        return registerInstance(id, RegisteredClass.instantiate(id, type));
    }

    @Override
    public Optional<BackendProvider> serving(BackendId<?> id) {
        Served served = lookups.served(id);
        return served == null ? Optional.empty() : Optional.of(served.description());
    }

    @Override
    public <B> List<BackendId<B>> names(BackendFamily<B> family) {
        return lookups.names(family);
    }

    @Override
    public long generation() {
        return core.generation();
    }

    /**
     * Withdraws every registration this bundle made: it released the registry, or it is stopping. Returns
     * when none serves any more, also those being registered or closed on other threads meanwhile.
     */
    void dispose() {
        disposed = true;
        for (ProgrammaticRegistration registration : registrations) {
            registration.close();
        }
    }

    private BackendRegistration registerInstance(BackendId<?> id, Object instance) {
        // in the owner's set before it serves, so that a dispose() that runs meanwhile withdraws it
        ProgrammaticRegistration registration = new ProgrammaticRegistration(core, id, instance, owner, registrations);
        registrations.add(registration);
        if (disposed || !registration.open()) {
            registration.close();
            throw new IllegalStateException("Bundle " + owner.symbolicName() + " [" + owner.bundleId()
                    + "] has released the BackendRegistry service; get it again before registering " + id.name());
        }
        return registration;
    }
}
