package org.backendregistry.backends.xpu;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * The default IPEX: Intel Extension for PyTorch flash attention kernels on Intel GPUs (XPU).
 * <p>
 * Source: vLLM's registry no longer lists IPEX ({@code vllm/v1/attention/backends/registry.py} at commit
 * 0033bf03abd6; vLLM's XPU platform now selects FLASH_ATTN or TRITON_ATTN), and its last {@code IPEX}
 * class declared none of the selector's capabilities, so this keeps the base-class defaults with the
 * {@code auto} cache only.
 */
@Component(service = AttentionBackend.class)
@BackendName("IPEX")
@BackendDefault
public class IpexAttentionBackend implements AttentionBackend {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.XPU)
            .dtypes("float16", "bfloat16")
            .kvCacheDtypes("auto")
            .build();

    @Override
    public String name() {
        return "IPEX";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** @throws UnsupportedOperationException always: the kernels need an Intel GPU */
    @Override
    public float[] compute(AttentionInput input) {
        throw CAPABILITIES.platform().unavailable(name());
    }
}
