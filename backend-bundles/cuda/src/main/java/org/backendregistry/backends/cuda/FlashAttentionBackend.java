package org.backendregistry.backends.cuda;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default FLASH_ATTN: FlashAttention 2/3 kernels; an fp8 kv cache needs FlashAttention 3 (Hopper). */
@Component(service = AttentionBackend.class)
@BackendName("FLASH_ATTN")
@BackendDefault
public class FlashAttentionBackend extends HardwareKernelBackend {

    public FlashAttentionBackend() {
        super("FLASH_ATTN", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3")
                .headSizes(multiplesOf(8, 256))
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .computeCapabilities(ComputeCapability.of(8, 0), ComputeCapability.MAX)
                .sink(true)
                .attentionTypes(AttentionType.values())
                .build());
    }
}
