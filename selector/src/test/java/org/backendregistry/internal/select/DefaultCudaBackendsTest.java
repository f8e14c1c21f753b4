package org.backendregistry.internal.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.backends.cuda.CutlassMLABackend;
import org.backendregistry.backends.cuda.FlashAttentionBackend;
import org.backendregistry.backends.cuda.FlashAttnMLABackend;
import org.backendregistry.backends.cuda.FlashInferBackend;
import org.backendregistry.backends.cuda.FlashInferMLABackend;
import org.backendregistry.backends.cuda.FlashMLABackend;
import org.backendregistry.backends.cuda.FlashMLASparseBackend;
import org.backendregistry.backends.cuda.FlexAttentionBackend;
import org.backendregistry.backends.cuda.TritonAttentionBackend;
import org.backendregistry.backends.cuda.TritonMLABackend;
import org.junit.jupiter.api.Test;

/** The selection over what the default cuda backends declare, as the README shows it. */
class DefaultCudaBackendsTest {

    private final FakeProviders providers = new FakeProviders();
    private final LiveSelector selector = new LiveSelector(providers, providers.generation::get,
            new SelectionLog((level, line) -> { }));

    DefaultCudaBackendsTest() {
        for (AttentionBackend backend : List.of(new FlashAttentionBackend(), new FlashInferBackend(),
                new TritonAttentionBackend(), new FlexAttentionBackend(), new FlashAttnMLABackend(),
                new FlashMLABackend(), new FlashInferMLABackend(), new CutlassMLABackend(), new TritonMLABackend(),
                new FlashMLASparseBackend())) {
            providers.serve(backend.name(), backend.capabilities());
        }
    }

    private void device(int major, int minor) {
        selector.settings(new LiveSelector.Settings(Device.of(Platform.CUDA, ComputeCapability.of(major, minor)), null,
                PriorityLists.vllm()));
    }

    @Test
    void theReadmesSampleFailureIsWhatHopperAnswersForASparseMlaHeadOf192() {
        device(9, 0);
        AttentionSelectorConfig config = AttentionSelectorConfig.builder(192, "bfloat16").useMla(true).useSparse(true)
                .build();

        assertEquals("No valid attention backend found for cuda with AttentionSelectorConfig(head_size=192, "
                + "dtype=torch.bfloat16, kv_cache_dtype=auto, block_size=None, use_mla=True, has_sink=False, "
                + "use_sparse=True, use_mm_prefix=False, use_per_head_quant_scales=False, "
                + "attn_type=AttentionType.DECODER, use_non_causal=False, use_batch_invariant=False, "
                + "use_kv_connector=False). Reasons: {FLASH_ATTN_MLA: [head_size not supported, sparse not supported], "
                + "FLASHMLA: [head_size not supported, sparse not supported], FLASHINFER_MLA: [head_size not supported, "
                + "sparse not supported, compute capability not supported], TRITON_MLA: [sparse not supported], "
                + "FLASHMLA_SPARSE: [head_size not supported]}.",
                assertThrows(NoValidBackendException.class, () -> selector.select(config)).getMessage());
    }

    @Test
    void hopperServesMlaWithFlashAttnMlaBlackwellWithFlashInferMlaAndBlockSize16OnlyWithTritonMla() {
        AttentionSelectorConfig mla = AttentionSelectorConfig.builder(576, "bfloat16").useMla(true).build();
        device(9, 0);
        assertEquals("FLASH_ATTN_MLA", selector.select(mla).name());
        device(10, 0);
        assertEquals("FLASHINFER_MLA", selector.select(mla).name());
        assertEquals("TRITON_MLA", selector.select(mla.toBuilder().blockSize(16).build()).name());
    }

    @Test
    void aTuringGpuCannotRunFlashAttentionAndGetsFlashInfer() {
        device(7, 5);
        assertEquals("FLASHINFER", selector.select(AttentionSelectorConfig.builder(128, "float16").build()).name());
        assertEquals("TRITON_ATTN", selector.select(AttentionSelectorConfig.builder(96, "float16").build()).name());
    }

    @Test
    void anAmpereGpuPassesOverFlashAttentionForASinkModelAndSaysWhy() {
        device(8, 0);
        AttentionSelectorConfig sinks = AttentionSelectorConfig.builder(64, "bfloat16").hasSink(true).build();

        Selection selection = selector.select(sinks);

        assertEquals("TRITON_ATTN", selection.name());
        assertEquals(List.of("sink not supported on compute capability < 9.0"), selection.candidates().get(0).reasons());
    }

    @Test
    void hopperServesASinkModelWithFlashAttention() {
        device(9, 0);
        assertEquals("FLASH_ATTN", selector.select(AttentionSelectorConfig.builder(64, "bfloat16").hasSink(true).build())
                .name());
    }

    @Test
    void whenNothingFitsTheFailureListsFlashAttentionsCombinationReason() {
        device(8, 0);
        AttentionSelectorConfig config = AttentionSelectorConfig.builder(16, "bfloat16").hasSink(true).build();

        assertEquals("No valid attention backend found for cuda with AttentionSelectorConfig(head_size=16, "
                + "dtype=torch.bfloat16, kv_cache_dtype=auto, block_size=None, use_mla=False, has_sink=True, "
                + "use_sparse=False, use_mm_prefix=False, use_per_head_quant_scales=False, "
                + "attn_type=AttentionType.DECODER, use_non_causal=False, use_batch_invariant=False, "
                + "use_kv_connector=False). Reasons: {FLASH_ATTN: [sink not supported on compute capability < 9.0], "
                + "FLASHINFER: [head_size not supported, attention sinks not supported], "
                + "TRITON_ATTN: [head_size not supported], FLEX_ATTENTION: [attention sinks not supported]}.",
                assertThrows(NoValidBackendException.class, () -> selector.select(config)).getMessage());
    }
}
