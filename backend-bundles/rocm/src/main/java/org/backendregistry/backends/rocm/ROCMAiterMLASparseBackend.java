package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default ROCM_AITER_MLA_SPARSE: AITER sparse multi-head latent attention (DeepSeek V3.2). */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_MLA_SPARSE")
@BackendDefault
public class ROCMAiterMLASparseBackend extends HardwareKernelBackend {

    public ROCMAiterMLASparseBackend() {
        super("ROCM_AITER_MLA_SPARSE", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .sparse(true)
                .build());
    }
}
