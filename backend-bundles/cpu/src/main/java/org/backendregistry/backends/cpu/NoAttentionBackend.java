package org.backendregistry.backends.cpu;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * The default NO_ATTENTION, for attention-free models: {@link #compute} returns an all-zero output of
 * the query's shape, so a layer that adds it to its residual stream leaves the stream unchanged.
 * <p>
 * Source: vLLM's registry names {@code vllm.v1.attention.backends.no_attention.NoAttentionBackend}
 * ({@code registry.py} at commit 0033bf03abd6), a class not compared here; nothing is computed, so
 * this declares no limits beyond the data types.
 */
@Component(service = AttentionBackend.class)
@BackendName("NO_ATTENTION")
@BackendDefault
public class NoAttentionBackend implements AttentionBackend {

    // nothing is computed, so every dtype and head size is fine and it runs wherever the JVM does
    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float16", "bfloat16", "float32")
            .kvCacheDtypes("auto")
            .build();

    @Override
    public String name() {
        return "NO_ATTENTION";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** @return zeros, tokens × heads × head size like the query; the keys and values are not read */
    @Override
    public float[] compute(AttentionInput input) {
        return new float[input.query().length];
    }
}
