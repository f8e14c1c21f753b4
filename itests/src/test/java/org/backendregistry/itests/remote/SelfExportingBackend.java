package org.backendregistry.itests.remote;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;

/**
 * A vendor's TRITON_ATTN override whose own service carries the standard Remote Services properties, so
 * that Aries RSA exports it without {@code org.backendregistry.remote}. Lives only in the throw-away
 * bundle that {@link SelfExportingBackendBundle} builds; public, as Aries' tcp provider calls it
 * reflectively.
 */
public class SelfExportingBackend implements AttentionBackend {

    @Override
    public String name() {
        return "TRITON_ATTN";
    }

    /** Head sizes 80 and 112, so that the importing side can tell these capabilities from its default's. */
    @Override
    public BackendCapabilities capabilities() {
        return BackendCapabilities.builder(Platform.CPU).dtypes("float32").headSizes(80, 112).build();
    }

    @Override
    public float[] compute(AttentionInput input) {
        return ReferenceAttention.compute(input);
    }
}
