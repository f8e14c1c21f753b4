package org.backendregistry.backends.cuda;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default FLEX_ATTENTION: PyTorch FlexAttention compiled to Triton, for any head size.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/flex_attention.py} as recent versions declare it: fp16, bf16 and fp32 models, caches auto and
 * bfloat16, MultipleOf(16) blocks, decoder and encoder-only attention, non-causal attention, multimodal
 * prefixes and batch invariance.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLEX_ATTENTION")
@BackendDefault
public class FlexAttentionBackend extends HardwareKernelBackend {

    public FlexAttentionBackend() {
        super("FLEX_ATTENTION", cuda("float16", "bfloat16", "float32")
                .kvCacheDtypes("auto", "bfloat16")
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .attentionTypes(AttentionType.DECODER, AttentionType.ENCODER_ONLY)
                .nonCausal(true)
                .mmPrefix(true)
                .batchInvariance(true)
                .build());
    }
}
