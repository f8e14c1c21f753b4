package org.backendregistry.internal.osgi;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.internal.core.RegistryConfiguration;
import org.backendregistry.internal.core.RegistryCore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;

/**
 * Receives the configuration {@code org.backendregistry} from ConfigAdmin, and says when it has been
 * applied. Loaded only when ConfigAdmin's API is wired to the registry bundle, so the registry runs
 * without ConfigAdmin.
 */
final class ConfigurationReceiver implements ManagedService {

    private final RegistryCore core;
    private final Runnable applied;

    private ConfigurationReceiver(RegistryCore core, Runnable applied) {
        this.core = core;
        this.applied = applied;
    }

    /**
     * @param applied runs after each configuration has taken effect
     * @return the registration of the receiver
     */
    static ServiceRegistration<?> register(BundleContext context, RegistryCore core, Runnable applied) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, BackendRegistryRuntime.PID);
        return context.registerService(ManagedService.class, new ConfigurationReceiver(core, applied), properties);
    }

    @Override
    public void updated(Dictionary<String, ?> properties) {
        Map<String, Object> values = new HashMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                values.put(key, properties.get(key));
            }
        }
        core.configure(RegistryConfiguration.read(values, core.families()));
        applied.run();
    }
}
