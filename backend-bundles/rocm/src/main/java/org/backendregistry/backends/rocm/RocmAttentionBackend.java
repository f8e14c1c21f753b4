package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default ROCM_ATTN: ROCm paged attention with Triton prefix prefill. */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_ATTN")
@BackendDefault
public class RocmAttentionBackend extends HardwareKernelBackend {

    public RocmAttentionBackend() {
        super("ROCM_ATTN", rocm("float16", "bfloat16", "float32")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
                .headSizes(32, 64, 96, 128, 160, 192, 224, 256)
                .build());
    }
}
