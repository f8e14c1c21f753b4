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
import org.backendregistry.backends.cuda.TritonAttentionBackend;
import org.backendregistry.backends.cuda.TritonMLABackend;
import org.backendregistry.backends.rocm.AiterFlashAttentionBackend;
import org.backendregistry.backends.rocm.AiterMLABackend;
import org.backendregistry.backends.rocm.AiterTritonMLABackend;
import org.backendregistry.backends.rocm.ROCMAiterMLASparseBackend;
import org.backendregistry.backends.rocm.RocmAiterUnifiedAttentionBackend;
import org.backendregistry.backends.rocm.RocmAttentionBackend;
import org.junit.jupiter.api.Test;

/**
 * The selection on ROCm over what the default backends declare, in the order of vLLM's
 * {@code _get_backend_priorities} in {@code platforms/rocm.py} (commit 001eda31e3d0).
 */
class DefaultRocmBackendsTest {

    private static final AttentionSelectorConfig BF16_128 = AttentionSelectorConfig.builder(128, "bfloat16").build();

    private final FakeProviders providers = new FakeProviders();
    private final LiveSelector selector = new LiveSelector(providers, providers.generation::get,
            new SelectionLog((level, line) -> { }));

    DefaultRocmBackendsTest() {
        for (AttentionBackend backend : List.of(new RocmAttentionBackend(), new AiterFlashAttentionBackend(),
                new RocmAiterUnifiedAttentionBackend(), new TritonAttentionBackend(), new AiterMLABackend(),
                new TritonMLABackend(), new AiterTritonMLABackend(), new ROCMAiterMLASparseBackend())) {
            providers.serve(backend.name(), backend.capabilities());
        }
    }

    private void device(int major, int minor) {
        selector.settings(new LiveSelector.Settings(Device.of(Platform.ROCM, ComputeCapability.of(major, minor)), null,
                PriorityLists.vllm()));
    }

    private static List<String> candidates(Selection selection) {
        return selection.candidates().stream().map(Object::toString).toList();
    }

    @Test
    void vllmsRocmOrderPutsRocmAttnFirstTheAiterBackendsNextAndTritonLast() {
        device(9, 4);
        assertEquals(List.of("ROCM_ATTN", "ROCM_AITER_FA", "ROCM_AITER_UNIFIED_ATTN", "TRITON_ATTN"),
                selector.priorities(false));
        assertEquals(List.of("ROCM_AITER_MLA", "TRITON_MLA", "ROCM_AITER_TRITON_MLA"), selector.priorities(true));
    }

    @Test
    void anMi300ServesRocmAttnAndAKvConnectorMovesTheChoiceToAiterFlashAttention() {
        device(9, 4);
        assertEquals("ROCM_ATTN", selector.select(BF16_128).name());

        Selection connected = selector.select(BF16_128.toBuilder().useKvConnector(true).build());

        assertEquals(List.of("ROCM_ATTN: [KV connector not supported]", "ROCM_AITER_FA: chosen",
                "ROCM_AITER_UNIFIED_ATTN: valid", "TRITON_ATTN: valid"), candidates(connected));
    }

    @Test
    void offMi300AiterFlashAttentionIsRejectedForItsComputeCapabilityAndUnifiedAttentionServes() {
        device(11, 0);

        Selection connected = selector.select(BF16_128.toBuilder().useKvConnector(true).build());

        assertEquals(List.of("ROCM_ATTN: [KV connector not supported]",
                "ROCM_AITER_FA: [compute capability not supported]", "ROCM_AITER_UNIFIED_ATTN: chosen",
                "TRITON_ATTN: valid"), candidates(connected));
    }

    @Test
    void aSparseLayerIsCheckedAgainstTheSparseBackendAloneAsVllmAsksUseSparseFirst() {
        device(9, 5);
        AttentionSelectorConfig sparse = AttentionSelectorConfig.builder(576, "bfloat16").useMla(true).useSparse(true)
                .build();

        assertEquals(List.of("ROCM_AITER_MLA_SPARSE: chosen"), candidates(selector.select(sparse)));
        assertEquals("No valid attention backend found for rocm with AttentionSelectorConfig(head_size=576, "
                + "dtype=torch.float32, kv_cache_dtype=auto, block_size=None, use_mla=True, has_sink=False, "
                + "use_sparse=True, use_mm_prefix=False, use_per_head_quant_scales=False, "
                + "attn_type=AttentionType.DECODER, use_non_causal=False, use_batch_invariant=False, "
                + "use_kv_connector=False). Reasons: {ROCM_AITER_MLA_SPARSE: [dtype not supported]}.",
                assertThrows(NoValidBackendException.class,
                        () -> selector.select(AttentionSelectorConfig.builder(576, "float32").useMla(true)
                                .useSparse(true).build())).getMessage());
    }

    @Test
    void anMlaLayerIsServedByAiterMlaWhateverItsBlockSize() {
        device(9, 4);
        Selection mla = selector.select(AttentionSelectorConfig.builder(576, "bfloat16").useMla(true).blockSize(48)
                .build());

        assertEquals("ROCM_AITER_MLA", mla.name());
    }
}
