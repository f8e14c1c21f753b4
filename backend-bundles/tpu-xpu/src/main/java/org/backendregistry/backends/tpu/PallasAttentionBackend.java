package org.backendregistry.backends.tpu;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * The default PALLAS: ragged paged attention written in Pallas for Google TPUs.
 * <p>
 * Source: vLLM's registry no longer lists PALLAS ({@code vllm/v1/attention/backends/registry.py} at commit
 * 0033bf03abd6): TPU support moved to the tpu-inference plugin, whose backend registers itself under vLLM's
 * FLASH_ATTN name. vLLM's last in-tree {@code PallasAttentionBackend} declared none of the selector's
 * capabilities (the base-class defaults apply); its implementation pads any head size to the TPU lane width and
 * stores the cache in fp8 when asked, which is what this declares.
 */
@Component(service = AttentionBackend.class)
@BackendName("PALLAS")
@BackendDefault
public class PallasAttentionBackend implements AttentionBackend {

    // vLLM pads any head size to the TPU lane width and can quantize the kv cache to fp8
    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.TPU)
            .dtypes("float16", "bfloat16")
            .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
            .build();

    @Override
    public String name() {
        return "PALLAS";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** @throws UnsupportedOperationException always: the kernels need a TPU */
    @Override
    public float[] compute(AttentionInput input) {
        throw CAPABILITIES.platform().unavailable(name());
    }
}
