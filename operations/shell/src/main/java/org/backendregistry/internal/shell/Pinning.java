package org.backendregistry.internal.shell;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * {@code backend:pin} and {@code backend:unpin}: writes the pin into the registry's configuration,
 * then waits (bounded, on the runtime service's change events) until the registry shows it, since
 * ConfigAdmin delivers configuration asynchronously.
 */
final class Pinning {

    static final long TIMEOUT_MILLIS = 10_000;

    static final String NEEDS_CONFIG_ADMIN = "Pinning needs ConfigAdmin: no org.osgi.service.cm.ConfigurationAdmin "
            + "service is running. Install a ConfigAdmin implementation (e.g. org.apache.felix.configadmin), "
            + "or set pins in the registry's configuration " + BackendRegistryRuntime.PID + " some other way.";

    private final BackendRegistry registry;
    private final RuntimeChanges changes;

    Pinning(BackendRegistry registry, RuntimeChanges changes) {
        this.registry = registry;
        this.changes = changes;
    }

    /**
     * @param configurationAdmin the ConfigurationAdmin service objects, or {@code null} when there is none
     * @param target             the bundle symbolic name or class to pin to, or {@code null} to unpin
     * @return what changed and who serves the name now
     */
    String change(ComponentServiceObjects<?> configurationAdmin, String nameArgument, String target)
            throws IOException {
        if (configurationAdmin == null) {
            return NEEDS_CONFIG_ADMIN;
        }
        BackendId<?> id = NameArgument.resolve(registry, nameArgument);
        String name = NameArgument.display(id);
        if (!write(configurationAdmin, name, target) && target == null) {
            return name + " is not pinned.";
        }
        Optional<NameDTO> applied = changes.await(id, n -> Objects.equals(n.pin, target), TIMEOUT_MILLIS);
        if (applied.isEmpty()) {
            return "Configuration " + BackendRegistryRuntime.PID + " now "
                    + (target == null ? "has no pin for " + name : "pins " + name + " to " + target)
                    + ", but the registry did not show it within " + TIMEOUT_MILLIS / 1000
                    + " seconds; see backend:failures.";
        }
        return (target == null ? name + " is no longer pinned." : name + " is pinned to " + target + ".") + "\n"
                + NameReport.serving(applied.get());
    }

    private static <S> boolean write(ComponentServiceObjects<S> configurationAdmin, String name, String target)
            throws IOException {
        S service = configurationAdmin.getService();
        if (service == null) {
            return failNeedsConfigAdmin();
        }
        try {
            return PinConfiguration.write(service, name, target);
        } catch (NoClassDefFoundError cmPackageNotWired) {
            throw new IllegalStateException("ConfigAdmin was started after org.backendregistry.shell resolved; "
                    + "refresh org.backendregistry.shell so that it sees the org.osgi.service.cm package.");
        } finally {
            configurationAdmin.ungetService(service);
        }
    }

    private static boolean failNeedsConfigAdmin() {
        throw new IllegalStateException(NEEDS_CONFIG_ADMIN);
    }
}
