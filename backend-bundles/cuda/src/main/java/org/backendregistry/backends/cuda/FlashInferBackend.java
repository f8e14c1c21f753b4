package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLASHINFER: FlashInfer paged attention kernels.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/flashinfer.py}, the newest version in vLLM's main branch (late 2026): kernel block sizes 16, 32 and 64, kv caches as listed.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASHINFER")
@BackendDefault
public class FlashInferBackend extends HardwareKernelBackend {

    public FlashInferBackend() {
        super("FLASHINFER", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2")
                .headSizes(64, 128, 256)
                .kernelBlockSizes(KernelBlockSize.exactly(16), KernelBlockSize.exactly(32), KernelBlockSize.exactly(64))
                .computeCapabilities(ComputeCapability.of(7, 5), ComputeCapability.of(12, 1))
                .build());
    }
}
