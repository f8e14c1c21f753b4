package org.backendregistry.api.runtime;

import org.osgi.dto.DTO;

/** A provider that does not serve its name, and why. */
public class NotServingDTO extends DTO {

    /** The provider. */
    public ProviderDTO provider;

    /** Why it does not serve. */
    public NotServingReason reason;

    /** For {@link NotServingReason#SHADOWED} and {@link NotServingReason#PINNED_AWAY}: the id of the provider that serves instead; else -1. */
    public long servedInstead = -1;

    /** The details in words, e.g. the exception {@code getService} threw. */
    public String detail;
}
