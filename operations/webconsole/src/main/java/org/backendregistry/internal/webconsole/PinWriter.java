package org.backendregistry.internal.webconsole;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Writes a pin into the registry's configuration, as {@code backend:pin} does, so that a pin set on the page
 * lasts (FileInstall and Karaf write it back to {@code etc/org.backendregistry.cfg}). The only class that names
 * ConfigAdmin types: it is loaded only when a ConfigurationAdmin service is there.
 */
final class PinWriter {

    private PinWriter() {
    }

    /**
     * @param configurationAdmin a {@code ConfigurationAdmin}
     * @param key                {@code NAME} or {@code mamba:NAME}
     * @param target             the bundle symbolic name or class to pin to, or {@code null} to unpin
     */
    static void write(Object configurationAdmin, String key, String target) throws IOException {
        // "?" lets the registry bundle receive it whichever bundle created it
        Configuration configuration = ((ConfigurationAdmin) configurationAdmin)
                .getConfiguration(BackendRegistryRuntime.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        Object current = properties.get(PinsValue.KEY);
        String currentTarget = PinsValue.target(current, key);
        if (target == null ? currentTarget == null : target.equals(currentTarget)) {
            return;
        }
        String[] pins = PinsValue.with(current, key, target);
        if (pins.length == 0) {
            properties.remove(PinsValue.KEY);
        } else {
            properties.put(PinsValue.KEY, pins);
        }
        configuration.update(properties);
    }
}
