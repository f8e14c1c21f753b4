package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLASHMLA_SPARSE: FlashMLA sparse attention over the indexer's top-k tokens (DeepSeek V3.2).
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/flashmla_sparse.py}, a recent version in vLLM's main branch (late 2026):
 * bfloat16 models, caches auto, bfloat16, fp8_ds_mla
 * and its alias fp8, block size 64, DeepSeek V3.2's head size 576.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASHMLA_SPARSE")
@BackendDefault
public class FlashMLASparseBackend extends HardwareKernelBackend {

    public FlashMLASparseBackend() {
        super("FLASHMLA_SPARSE", cuda("bfloat16")
                .kvCacheDtypes("auto", "bfloat16", "fp8_ds_mla", "fp8")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .sparse(true)
                .kernelBlockSizes(KernelBlockSize.exactly(64))
                .computeCapabilities(ComputeCapability.of(9, 0), ComputeCapability.of(10, 9))
                .build());
    }
}
