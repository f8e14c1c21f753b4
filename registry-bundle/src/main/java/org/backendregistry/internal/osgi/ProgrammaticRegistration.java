package org.backendregistry.internal.osgi;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.internal.core.Owner;
import org.backendregistry.internal.core.RegistryCore;

/** A {@code register} call's handle: closing it withdraws the provider from the core. */
final class ProgrammaticRegistration implements BackendRegistration {

    private final RegistryCore core;
    private final BackendId<?> id;
    private final String className;
    private final Object provider;
    private final Set<ProgrammaticRegistration> ownerRegistrations;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProgrammaticRegistration(RegistryCore core, BackendId<?> id, Object instance, Owner owner,
            Set<ProgrammaticRegistration> ownerRegistrations) {
        this.core = core;
        this.id = id;
        this.className = instance.getClass().getName();
        this.ownerRegistrations = ownerRegistrations;
        this.provider = core.register(id, instance, owner);
    }

    @Override
    public BackendId<?> id() {
        return id;
    }

    @Override
    public String className() {
        return className;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ownerRegistrations.remove(this);
            core.unregister(provider);
        }
    }

    @Override
    public String toString() {
        return id.name() + " -> " + className;
    }
}
