package org.backendregistry.attention;

import org.backendregistry.api.BackendCapabilities;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An attention backend, registered as an OSGi service with the property {@code backend.name}. What it
 * declares about itself is one {@link BackendCapabilities} value, so new capability fields never break
 * implementations.
 */
@ConsumerType
public interface AttentionBackend {

    /** @return the backend name this implementation is written for, e.g. {@code "FLASH_ATTN"} */
    String name();

    /** @return the platform, data types, head sizes and flags this backend supports */
    BackendCapabilities capabilities();

    /**
     * Scaled dot-product attention: for every query token and head, the softmax-weighted sum of the
     * values, over the keys it may see.
     *
     * @return the output, laid out like the query: tokens × heads × head size
     * @throws UnsupportedOperationException when this backend's kernels need a platform this JVM does
     *                                       not have; the message names the platform
     */
    float[] compute(AttentionInput input);
}
