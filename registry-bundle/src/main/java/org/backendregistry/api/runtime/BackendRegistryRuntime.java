package org.backendregistry.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry's state as data, for shells, consoles and health checks. Registered by the registry
 * bundle as a singleton service next to {@code BackendRegistry}.
 *
 * <p>The service carries the standard property {@code service.changecount}
 * ({@link org.osgi.framework.Constants#SERVICE_CHANGECOUNT}, a {@code Long}), as the OSGi HTTP and
 * JAX-RS Whiteboard runtimes do. It increases after every change of the provider that serves a name and
 * after every configuration the registry has applied, and never decreases; a DTO read after it increased
 * shows that change. It is updated on a thread of the registry's own, shortly after the change, so a
 * burst of changes may raise it once. To wait for a change, listen for this service's
 * {@code ServiceEvent.MODIFIED} events and read {@link #getRuntimeDTO()} at each, instead of polling.
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
