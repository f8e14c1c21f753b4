package org.backendregistry.itests.registrar;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;

/** TREE_ATTN computed on the JVM, registered programmatically by {@link TreeAttentionRegistrar}. */
public class JvmTreeAttentionBackend implements AttentionBackend {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float32")
            .build();

    @Override
    public String name() {
        return "TREE_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        return ReferenceAttention.compute(input);
    }
}
