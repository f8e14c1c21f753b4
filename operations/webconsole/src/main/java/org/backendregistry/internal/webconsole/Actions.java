package org.backendregistry.internal.webconsole;

import java.io.IOException;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistry;

/**
 * What the page's buttons do, through the same paths as the shell: {@code clearOverride} and {@code retry} on
 * the registry, pins through the registry's ConfigAdmin configuration.
 */
final class Actions {

    private final BackendRegistry registry;

    Actions(BackendRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param configurationAdmin the ConfigurationAdmin service, or {@code null} when there is none
     * @return the key of the name acted on
     * @throws IllegalArgumentException for an unknown action or name, with the words to show the operator
     */
    String perform(String action, String nameKey, String target, Object configurationAdmin) throws IOException {
        BackendId<?> id = NameKey.resolve(registry, nameKey);
        String key = NameKey.of(id);
        switch (action == null ? "" : action) {
            case "clear" -> registry.clearOverride(id);
            case "retry" -> registry.retry(id);
            case "pin" -> {
                if (target == null || target.isBlank()) {
                    throw new IllegalArgumentException("Pin needs a target: a bundle symbolic name or a class.");
                }
                writePin(configurationAdmin, key, target.trim());
            }
            case "unpin" -> writePin(configurationAdmin, key, null);
            default -> throw new IllegalArgumentException(
                    "Unknown action '" + action + "': use clear, retry, pin or unpin.");
        }
        return key;
    }

    private static void writePin(Object configurationAdmin, String key, String target) throws IOException {
        if (configurationAdmin == null) {
            throw new IllegalStateException("Pinning needs ConfigAdmin: no ConfigurationAdmin service is running.");
        }
        PinWriter.write(configurationAdmin, key, target);
    }
}
