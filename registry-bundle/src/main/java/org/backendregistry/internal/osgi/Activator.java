package org.backendregistry.internal.osgi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.RegistryCore;
import org.backendregistry.internal.core.RuntimeView;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Starts the registry: change delivery first, then the trackers (so the state is complete), then the
 * services: the bundle-scoped {@link BackendRegistry}, {@link BackendRegistryRuntime} with its
 * {@code service.changecount}, and the receiver of the configuration when ConfigAdmin's API is present.
 * No DS needed, so the registry runs in any framework.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {

    static final List<BackendFamily<?>> FAMILIES = List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ChangeDelivery delivery;
    private ChangeCount changeCount;
    private RegistryCore core;
    private List<BackendServiceTracker> trackers;

    @Override
    public void start(BundleContext context) {
        Logger log = System.getLogger("org.backendregistry.registry");
        delivery = new ChangeDelivery(context, log);
        delivery.open();
        changeCount = new ChangeCount(delivery, log);
        core = new RegistryCore(FAMILIES, changeCount, log);
        trackers = FAMILIES.stream().map(family -> new BackendServiceTracker(context, family, core)).toList();
        trackers.forEach(BackendServiceTracker::open);
        registrations.add(context.registerService(BackendRegistry.class.getName(), new RegistryServiceFactory(core),
                null));
        long published = changeCount.current();
        ServiceRegistration<BackendRegistryRuntime> runtime = context.registerService(BackendRegistryRuntime.class,
                new RuntimeService(new RuntimeView(core)), runtimeProperties(published));
        registrations.add(runtime);
        changeCount.start(published, count -> runtime.setProperties(runtimeProperties(count)));
        try {
            registrations.add(ConfigurationReceiver.register(context, core, changeCount::increment));
        } catch (NoClassDefFoundError e) {
            log.log(Level.INFO, "ConfigAdmin's API is not present: the registry runs with its defaults "
                    + "(configuration {0} is not read)", BackendRegistryRuntime.PID);
        }
    }

    @Override
    public void stop(BundleContext context) {
        changeCount.close(); // first, so that no publication races the unregistration
        core.close();
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        trackers.forEach(BackendServiceTracker::close);
        delivery.close();
    }

    private static Dictionary<String, Object> runtimeProperties(long changeCount) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_CHANGECOUNT, changeCount);
        return properties;
    }
}
