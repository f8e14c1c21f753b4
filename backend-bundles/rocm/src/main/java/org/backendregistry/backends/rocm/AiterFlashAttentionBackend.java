package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default ROCM_AITER_FA: AMD AITER flash attention kernels, declaring what vLLM's
 * {@code AiterFlashAttentionBackend} declares.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/rocm_aiter_fa.py}, the newest versions in vLLM's main branch (late 2026):
 * kernel block sizes 16 and 32,
 * decoder attention only, and {@code supports_compute_capability} true on MI300/MI350 only ({@code on_mi3xx()}:
 * gfx942 and gfx950, which vLLM's ROCm platform reports as compute capability 9.4 and 9.5).
 */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_FA")
@BackendDefault
public class AiterFlashAttentionBackend extends HardwareKernelBackend {

    public AiterFlashAttentionBackend() {
        super("ROCM_AITER_FA", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2")
                .kernelBlockSizes(KernelBlockSize.exactly(16), KernelBlockSize.exactly(32))
                .headSizes(64, 128, 256)
                .computeCapabilities(ComputeCapability.of(9, 4), ComputeCapability.of(9, 5))
                .build());
    }
}
