package org.backendregistry.mamba;

import org.backendregistry.api.BackendCapabilities;
import org.osgi.annotation.versioning.ConsumerType;

/** A mamba (state-space / linear attention) backend, registered as a service with {@code backend.name}. */
@ConsumerType
public interface MambaBackend {

    /** @return the backend name this implementation is written for, e.g. {@code "MAMBA2"} */
    String name();

    /** @return the platform, data types and flags this backend supports */
    BackendCapabilities capabilities();
}
