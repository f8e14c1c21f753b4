package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLASHMLA: DeepSeek's FlashMLA decode kernels (Hopper, Blackwell).
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/flashmla.py} as quoted from a recent version: kv caches auto, bfloat16, fp8, fp8_e4m3; block size 64;
 * compute capability 9.x and 10.x.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASHMLA")
@BackendDefault
public class FlashMLABackend extends HardwareKernelBackend {

    public FlashMLABackend() {
        super("FLASHMLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "bfloat16", "fp8", "fp8_e4m3")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .kernelBlockSizes(KernelBlockSize.exactly(64))
                .computeCapabilities(ComputeCapability.of(9, 0), ComputeCapability.of(10, 9))
                .build());
    }
}
