package org.backendregistry.backends.rocm;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default ROCM_AITER_UNIFIED_ATTN: AITER unified attention, declaring what vLLM's
 * {@code RocmAiterUnifiedAttentionBackend} declares (it extends ROCM_ATTN and overrides most of it).
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/rocm_aiter_unified_attn.py}, the newest version in vLLM's
 * main branch (late 2026), with {@code tests/v1/attention}: unlike ROCM_ATTN it opts into KV connectors.
 */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_UNIFIED_ATTN")
@BackendDefault
public class RocmAiterUnifiedAttentionBackend extends HardwareKernelBackend {

    public RocmAiterUnifiedAttentionBackend() {
        super("ROCM_AITER_UNIFIED_ATTN", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2", "int8_per_token_head")
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                // vLLM: supports_head_size(head_size) is head_size >= 32
                .minHeadSize(32)
                .attentionTypes(AttentionType.values())
                .mmPrefix(true)
                .sink(true)
                .build());
    }
}
