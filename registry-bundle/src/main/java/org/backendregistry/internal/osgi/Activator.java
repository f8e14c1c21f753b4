package org.backendregistry.internal.osgi;

import java.lang.System.Logger;
import java.util.List;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.RegistryCore;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Starts the registry: listeners first, then the trackers (so the state is complete), then the
 * bundle-scoped {@link BackendRegistry} service. No DS needed, so the registry runs in any framework.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {

    static final List<BackendFamily<?>> FAMILIES = List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY);

    private ListenerWhiteboard listeners;
    private List<BackendServiceTracker> trackers;
    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        Logger log = System.getLogger("org.backendregistry.registry");
        listeners = new ListenerWhiteboard(context, log);
        listeners.open();
        RegistryCore core = new RegistryCore(FAMILIES, listeners, log);
        trackers = FAMILIES.stream().map(family -> new BackendServiceTracker(context, family, core)).toList();
        trackers.forEach(BackendServiceTracker::open);
        registration = context.registerService(BackendRegistry.class.getName(), new RegistryServiceFactory(core), null);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        trackers.forEach(BackendServiceTracker::close);
        listeners.close();
    }
}
