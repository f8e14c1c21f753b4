package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default FLASH_ATTN_MLA: multi-head latent attention on FlashAttention 3 kernels, without an fp8 kv cache. */
@Component(service = AttentionBackend.class)
@BackendName("FLASH_ATTN_MLA")
@BackendDefault
public class FlashAttnMLABackend extends HardwareKernelBackend {

    public FlashAttnMLABackend() {
        super("FLASH_ATTN_MLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .computeCapabilities(ComputeCapability.of(9, 0), ComputeCapability.of(9, 9))
                .build());
    }
}
