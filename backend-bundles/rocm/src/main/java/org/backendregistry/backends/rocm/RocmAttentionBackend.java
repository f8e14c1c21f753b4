package org.backendregistry.backends.rocm;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default ROCM_ATTN: ROCm paged attention with Triton prefix prefill, declaring what vLLM's
 * {@code RocmAttentionBackend} declares.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/rocm_attn.py}, the newest version in vLLM's main branch (late 2026), with {@code tests/v1/attention}
 * for the KV connector: ROCM_ATTN's {@code (2, num_blocks, ...)} cache layout does not suit KV connectors.
 */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_ATTN")
@BackendDefault
public class RocmAttentionBackend extends HardwareKernelBackend {

    public RocmAttentionBackend() {
        super("ROCM_ATTN", rocm("float16", "bfloat16", "float32")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2", "int8_per_token_head",
                        "int4_per_token_head")
                // the native kernel takes 16 and 32; vLLM routes every other multiple of 16 to a Triton kernel
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .headSizes(32, 64, 80, 96, 128, 160, 192, 224, 256)
                .attentionTypes(AttentionType.DECODER, AttentionType.ENCODER, AttentionType.ENCODER_ONLY)
                .mmPrefix(true)
                .nonCausal(true)
                .kvConnector(false)
                .build());
    }
}
