package org.backendregistry.backends.cuda;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.CombinationRule;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLASH_ATTN: FlashAttention 2/3/4 kernels; an fp8 kv cache needs FlashAttention 3 (Hopper).
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/flash_attn.py}, the newest version in vLLM's main branch (late 2026). Sinks and per-head quant scales are what vLLM reports with
 * FlashAttention 3 and later installed. Of its {@code supports_combination}, the sink rule is declared (the
 * FA3 sink path is Hopper-only); the rules on an fp8 cache ({@code FP8 KV cache requires FA3 on SM90 or FA4 on
 * SM100}) and on mm prefix (needs FlashAttention 4) depend on the FlashAttention version installed, which
 * nothing here knows, and are left out.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASH_ATTN")
@BackendDefault
public class FlashAttentionBackend extends HardwareKernelBackend {

    public FlashAttentionBackend() {
        super("FLASH_ATTN", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3")
                .headSizes(multiplesOf(8, 256))
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .computeCapabilities(ComputeCapability.of(8, 0), ComputeCapability.MAX)
                .sink(true)
                .attentionTypes(AttentionType.values())
                .nonCausal(true)
                .batchInvariance(true)
                .perHeadQuantScales(true)
                .combinationRules(CombinationRule.when().hasSink(true)
                        .computeCapabilityBelow(ComputeCapability.of(9, 0))
                        .reason("sink not supported on compute capability < 9.0"))
                .build());
    }
}
