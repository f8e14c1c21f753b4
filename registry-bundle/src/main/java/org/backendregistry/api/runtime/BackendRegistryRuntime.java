package org.backendregistry.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry's state as data, for shells, consoles and health checks. Registered by the registry
 * bundle as a singleton service next to {@code BackendRegistry}.
 */
@ProviderType
public interface BackendRegistryRuntime {

    /** The PID of the registry's configuration. */
    String PID = "org.backendregistry";

    /**
     * @return a snapshot of every name of every family, every provider and every rejected service,
     *         consistent as of {@link RegistryRuntimeDTO#generation}
     */
    RegistryRuntimeDTO getRuntimeDTO();
}
