package org.backendregistry.internal.shell;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Writes a pin into the registry's configuration. The only class that names ConfigAdmin types: it is
 * loaded only when a ConfigurationAdmin service is there, so the bundle works without the cm package.
 */
final class PinConfiguration {

    private PinConfiguration() {
    }

    /**
     * Sets or removes the pin of one name, keeping every other key and pin of the configuration.
     *
     * @param configurationAdmin a {@code ConfigurationAdmin}
     * @param name               {@code NAME} or {@code mamba:NAME}
     * @param target             the bundle symbolic name or class to pin to, or {@code null} to unpin
     * @return whether the configuration changed
     */
    static boolean write(Object configurationAdmin, String name, String target) throws IOException {
        // "?" lets the registry bundle receive it whichever bundle created it
        Configuration configuration = ((ConfigurationAdmin) configurationAdmin)
                .getConfiguration(BackendRegistryRuntime.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        Object current = properties.get(PinEntries.KEY);
        String currentTarget = PinEntries.target(current, name);
        if (target == null ? currentTarget == null : target.equals(currentTarget)) {
            return false;
        }
        String[] pins = PinEntries.with(current, name, target);
        if (pins.length == 0) {
            properties.remove(PinEntries.KEY);
        } else {
            properties.put(PinEntries.KEY, pins);
        }
        configuration.update(properties);
        return true;
    }
}
