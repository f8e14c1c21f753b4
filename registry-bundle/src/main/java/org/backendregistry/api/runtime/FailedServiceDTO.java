package org.backendregistry.api.runtime;

import org.osgi.dto.DTO;

/** A service of a family's type that is not a provider, and why. */
public class FailedServiceDTO extends DTO {

    /** The family whose type the service has, e.g. {@code attention}. */
    public String family;

    /** Its {@code service.id}. */
    public long serviceId;

    /** The id of the bundle that registered it. */
    public long bundleId;

    /** The symbolic name of that bundle. */
    public String bundleSymbolicName;

    /** Why it is not a provider. */
    public FailureReason reason;

    /** The offending value as text, e.g. {@code 'flash_attn' (String)}, or {@code null}. */
    public String value;

    /** The reason in words, with what to do. */
    public String detail;
}
