package org.backendregistry.backends.cuda;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default TRITON_ATTN: Triton unified attention kernels.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/triton_attn.py}, the newest versions in vLLM's main branch (late 2026): head sizes from 32 on, every multiple of
 * 16 as block size, sinks, multimodal prefixes, every attention type, and the per-token-head quantized caches.
 */
@Component(service = AttentionBackend.class)
@BackendName("TRITON_ATTN")
@BackendDefault
public class TritonAttentionBackend extends HardwareKernelBackend {

    public TritonAttentionBackend() {
        super("TRITON_ATTN", cuda("float16", "bfloat16", "float32")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2", "int4_per_token_head",
                        "int8_per_token_head", "fp8_per_token_head")
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .minHeadSize(32)
                .attentionTypes(AttentionType.values())
                .mmPrefix(true)
                .sink(true)
                .build());
    }
}
