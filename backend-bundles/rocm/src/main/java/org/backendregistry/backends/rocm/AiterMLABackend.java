package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default ROCM_AITER_MLA: AMD AITER multi-head latent attention kernels. */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_MLA")
@BackendDefault
public class AiterMLABackend extends HardwareKernelBackend {

    public AiterMLABackend() {
        super("ROCM_AITER_MLA", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .build());
    }
}
