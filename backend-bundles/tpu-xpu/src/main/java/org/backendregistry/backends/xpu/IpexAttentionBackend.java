package org.backendregistry.backends.xpu;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/** The default IPEX: Intel Extension for PyTorch flash attention kernels on Intel GPUs (XPU). */
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
