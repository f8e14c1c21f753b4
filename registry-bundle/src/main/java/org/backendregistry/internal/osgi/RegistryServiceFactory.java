package org.backendregistry.internal.osgi;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.internal.core.RegistryCore;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Gives each bundle its own {@link BundleRegistry}; the framework releases it when the bundle stops,
 * before {@code Bundle.stop()} returns, which withdraws the bundle's registrations.
 */
final class RegistryServiceFactory implements ServiceFactory<BackendRegistry> {

    private final RegistryCore core;

    RegistryServiceFactory(RegistryCore core) {
        this.core = core;
    }

    @Override
    public BackendRegistry getService(Bundle bundle, ServiceRegistration<BackendRegistry> registration) {
        return new BundleRegistry(core, bundle);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<BackendRegistry> registration,
            BackendRegistry service) {
        ((BundleRegistry) service).dispose();
    }
}
