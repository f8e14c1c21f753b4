package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default ROCM_AITER_UNIFIED_ATTN: AITER unified attention (vLLM also needs head size 32 or more). */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_UNIFIED_ATTN")
@BackendDefault
public class RocmAiterUnifiedAttentionBackend extends HardwareKernelBackend {

    public RocmAiterUnifiedAttentionBackend() {
        super("ROCM_AITER_UNIFIED_ATTN", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
                .build());
    }
}
