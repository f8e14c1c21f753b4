package org.backendregistry.api.runtime;

import org.osgi.dto.DTO;

/** The registry's whole state at one generation. */
public class RegistryRuntimeDTO extends DTO {

    /** The generation this snapshot shows; it increases with every change of the registry's state. */
    public long generation;

    /** Every known name of every family: catalog names first, then plugin names that have a provider. */
    public NameDTO[] names;

    /** Services of a family's type that are not providers, each with the reason. */
    public FailedServiceDTO[] failedServices;

    /** What is wrong with the current configuration; the rest of it applies. Empty when nothing is. */
    public String[] configurationProblems;

    /**
     * The most recent departures (at most 20, oldest first) that gave up waiting for their leases after
     * {@code drain.timeout}. Empty when none did.
     */
    public DrainTimeoutDTO[] drainTimeouts;
}
