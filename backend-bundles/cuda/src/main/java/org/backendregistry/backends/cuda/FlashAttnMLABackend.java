package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLASH_ATTN_MLA: multi-head latent attention on FlashAttention 3 kernels, without an fp8 kv cache.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/flashattn_mla.py}, the newest version in vLLM's main branch (late 2026):
 * half-precision caches, MultipleOf(16) blocks,
 * compute capability 9.x, batch invariance.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASH_ATTN_MLA")
@BackendDefault
public class FlashAttnMLABackend extends HardwareKernelBackend {

    public FlashAttnMLABackend() {
        super("FLASH_ATTN_MLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .computeCapabilities(ComputeCapability.of(9, 0), ComputeCapability.of(9, 9))
                .batchInvariance(true)
                .build());
    }
}
