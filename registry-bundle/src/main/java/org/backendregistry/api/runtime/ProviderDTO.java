package org.backendregistry.api.runtime;

import org.osgi.dto.DTO;

/** One provider of a backend name. */
public class ProviderDTO extends DTO {

    /** {@code SERVICE} for an OSGi service, {@code REGISTRATION} for a {@code BackendRegistry.register} call. */
    public String origin;

    /** The {@code service.id} of a service, or the sequence number of a registration. */
    public long id;

    /** The id of the bundle that provides it. */
    public long bundleId;

    /** The symbolic name of that bundle. */
    public String bundleSymbolicName;

    /** The version of that bundle. */
    public String bundleVersion;

    /** Its {@code service.ranking}. */
    public int ranking;

    /** Whether it is marked {@code backend.default=true}. */
    public boolean isDefault;

    /** The implementation class name, or {@code null} while the registry has never obtained the object. */
    public String className;

    /**
     * How often the registry failed to obtain its object ({@code getService} returned {@code null}, threw,
     * or gave an object of the wrong type) since it arrived; 0 when it never failed.
     */
    public int failureCount;

    /** When obtaining its object last failed, in milliseconds since the epoch; 0 when it never failed. */
    public long lastFailureTime;

    /** The leases open on its object now (see {@code BackendRegistry.lease}); 0 when it does not serve. */
    public int openLeases;

    /**
     * Whether OSGi Remote Services imported it from another framework (its service has
     * {@code service.imported}); {@code remote.policy} decides how it ranks against local providers.
     */
    public boolean imported;

    /** The {@code endpoint.framework.uuid} of the framework that exported it; {@code null} for a local provider. */
    public String endpointFrameworkUuid;

    /** The {@code endpoint.id} it was imported through (e.g. {@code tcp://127.0.0.1:8201}); {@code null} for a local provider. */
    public String endpointId;
}
