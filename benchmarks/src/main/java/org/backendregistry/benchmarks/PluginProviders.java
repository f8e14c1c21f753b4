package org.backendregistry.benchmarks;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The plugin providers a benchmark registers from the system bundle to reach a number of AttentionBackend
 * services, beside the defaults the backend bundles register.
 */
final class PluginProviders {

    private final BundleContext context;
    private final List<ServiceRegistration<AttentionBackend>> registered = new ArrayList<>();

    /** @param context the system bundle's context, whose class space is this class path */
    PluginProviders(BundleContext context) {
        this.context = context;
    }

    /** @return the number of AttentionBackend services registered now, by any bundle */
    int attentionServices() {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(AttentionBackend.class.getName(), null);
            return references == null ? 0 : references.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Registers plugin providers until {@code total} AttentionBackend services exist: two per name
     * ({@code PLUGIN_00000}, ...), with rankings 0 and 1, so that every name has a winner and a shadowed
     * provider.
     *
     * @return the names registered
     */
    List<String> fillTo(int total) {
        return fillTo(total, 2);
    }

    /**
     * Registers plugin providers until {@code total} AttentionBackend services exist, {@code perName} per
     * name, ranked 0, 1, ...
     *
     * @return the names registered
     */
    List<String> fillTo(int total, int perName) {
        int missing = total - attentionServices();
        if (missing < 0) {
            throw new IllegalArgumentException("The default bundles alone register more than " + total
                    + " attention backends");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            String name = pluginName(i / perName);
            if (i % perName == 0) {
                names.add(name);
            }
            registered.add(register(name, i % perName, false));
        }
        return names;
    }

    /** @return a plugin name, e.g. {@code PLUGIN_00042} */
    static String pluginName(int index) {
        return String.format("PLUGIN_%05d", index);
    }

    /** Registers one provider of {@code name}. */
    ServiceRegistration<AttentionBackend> register(String name, int ranking, boolean isDefault) {
        return context.registerService(AttentionBackend.class, new PluginBackend(name),
                properties(name, ranking, isDefault));
    }

    /** @return the service properties of a provider of {@code name} */
    static Dictionary<String, Object> properties(String name, int ranking, boolean isDefault) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(BackendConstants.BACKEND_NAME, name);
        properties.put(Constants.SERVICE_RANKING, ranking);
        if (isDefault) {
            properties.put(BackendConstants.BACKEND_DEFAULT, Boolean.TRUE);
        }
        return properties;
    }

    /** Unregisters the providers {@link #fillTo} registered. */
    void unregisterAll() {
        registered.forEach(ServiceRegistration::unregister);
        registered.clear();
    }
}
