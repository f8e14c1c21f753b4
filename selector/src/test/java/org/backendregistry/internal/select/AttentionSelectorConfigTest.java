package org.backendregistry.internal.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backendregistry.api.AttentionType;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.junit.jupiter.api.Test;

class AttentionSelectorConfigTest {

    @Test
    void itPrintsAsVllmsRepr() {
        AttentionSelectorConfig config = AttentionSelectorConfig.builder(192, "bfloat16").useMla(true).useSparse(true)
                .build();

        assertEquals("AttentionSelectorConfig(head_size=192, dtype=torch.bfloat16, kv_cache_dtype=auto, "
                + "block_size=None, use_mla=True, has_sink=False, use_sparse=True, use_mm_prefix=False, "
                + "use_per_head_quant_scales=False, attn_type=AttentionType.DECODER, use_non_causal=False, "
                + "use_batch_invariant=False, use_kv_connector=False)", config.toString());
    }

    @Test
    void givenValuesAndNoneArePrintedAsPythonDoes() {
        AttentionSelectorConfig config = AttentionSelectorConfig.builder(64, "torch.float16").kvCacheDtype(null)
                .blockSize(16).attnType(AttentionType.ENCODER_ONLY).useNonCausal(true).build();

        assertEquals("AttentionSelectorConfig(head_size=64, dtype=torch.float16, kv_cache_dtype=None, "
                + "block_size=16, use_mla=False, has_sink=False, use_sparse=False, use_mm_prefix=False, "
                + "use_per_head_quant_scales=False, attn_type=AttentionType.ENCODER_ONLY, use_non_causal=True, "
                + "use_batch_invariant=False, use_kv_connector=False)", config.toString());
    }

    @Test
    void configsWithTheSameFieldsAreEqualAndTheTorchPrefixIsOptional() {
        AttentionSelectorConfig one = AttentionSelectorConfig.builder(128, "torch.bfloat16").blockSize(16).build();
        AttentionSelectorConfig two = AttentionSelectorConfig.builder(128, "bfloat16").blockSize(16).build();

        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
        assertEquals(one, one.toBuilder().build());
        assertNotEquals(one, one.toBuilder().hasSink(true).build());
    }

    @Test
    void aNonPositiveHeadOrBlockSizeIsRefusedWithTheFieldName() {
        assertEquals("head_size must be positive, not 0",
                assertThrows(IllegalArgumentException.class, () -> AttentionSelectorConfig.builder(0, "bfloat16"))
                        .getMessage());
        assertEquals("block_size must be positive, not -16", assertThrows(IllegalArgumentException.class,
                () -> AttentionSelectorConfig.builder(64, "bfloat16").blockSize(-16)).getMessage());
    }

    @Test
    void attentionTypesParseFromValuesAndPrintedMembers() {
        assertEquals(AttentionType.ENCODER_DECODER, AttentionType.parse("encoder_decoder"));
        assertEquals(AttentionType.ENCODER, AttentionType.parse("AttentionType.ENCODER"));
        assertEquals("Unknown attention type: 'cross'. Valid options are: decoder, encoder, encoder_only, encoder_decoder",
                assertThrows(IllegalArgumentException.class, () -> AttentionType.parse("cross")).getMessage());
    }
}
