package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default ROCM_AITER_FA: AMD AITER flash attention kernels. */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_FA")
@BackendDefault
public class AiterFlashAttentionBackend extends HardwareKernelBackend {

    public AiterFlashAttentionBackend() {
        super("ROCM_AITER_FA", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
                .headSizes(64, 128, 256)
                .build());
    }
}
