package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLASHINFER_MLA: FlashInfer's multi-head latent attention kernels (Blackwell).
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/flashinfer_mla.py}, the newest version in vLLM's main branch (late 2026):
 * half-precision and fp8 caches, blocks 32 and 64,
 * compute capability 10.x.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASHINFER_MLA")
@BackendDefault
public class FlashInferMLABackend extends HardwareKernelBackend {

    public FlashInferMLABackend() {
        super("FLASHINFER_MLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .kernelBlockSizes(KernelBlockSize.exactly(32), KernelBlockSize.exactly(64))
                .computeCapabilities(ComputeCapability.of(10, 0), ComputeCapability.of(10, 9))
                .build());
    }
}
