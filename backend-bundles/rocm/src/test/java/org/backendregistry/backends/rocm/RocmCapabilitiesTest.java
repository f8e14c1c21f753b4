package org.backendregistry.backends.rocm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The ROCm defaults pin what vLLM's ROCm backend classes declare, value by value. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RocmCapabilitiesTest {

    private static final Set<String> AITER_KV = Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2");

    @Test
    void rocmAttnTakesFloat32AndPerTokenHeadCachesButNoKvConnector() {
        BackendCapabilities rocm = new RocmAttentionBackend().capabilities();
        assertEquals(Set.of("float16", "bfloat16", "float32"), rocm.dtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2", "int8_per_token_head",
                "int4_per_token_head"), rocm.kvCacheDtypes());
        assertEquals(List.of(KernelBlockSize.multipleOf(16)), rocm.kernelBlockSizes());
        assertEquals(Set.of(32, 64, 80, 96, 128, 160, 192, 224, 256), rocm.headSizes());
        assertEquals(EnumSet.of(AttentionType.DECODER, AttentionType.ENCODER, AttentionType.ENCODER_ONLY),
                rocm.attentionTypes());
        assertTrue(rocm.supportsMmPrefix() && rocm.supportsNonCausal());
        assertFalse(rocm.supportsSink());
        assertFalse(rocm.supportsKvConnector());
    }

    @Test
    void unifiedAttentionTakesEveryHeadSizeFrom32SinksAndKvConnectors() {
        BackendCapabilities unified = new RocmAiterUnifiedAttentionBackend().capabilities();
        assertEquals(Set.of("float16", "bfloat16"), unified.dtypes());
        assertTrue(unified.kvCacheDtypes().containsAll(AITER_KV) && unified.kvCacheDtypes().contains("int8_per_token_head"));
        assertEquals(List.of(KernelBlockSize.multipleOf(16)), unified.kernelBlockSizes());
        assertFalse(unified.supportsHeadSize(16));
        assertTrue(unified.supportsHeadSize(32));
        assertTrue(unified.supportsHeadSize(200));
        assertEquals(EnumSet.allOf(AttentionType.class), unified.attentionTypes());
        assertTrue(unified.supportsSink() && unified.supportsMmPrefix() && unified.supportsKvConnector());
        assertFalse(unified.supportsNonCausal());
    }

    @Test
    void aiterFlashAttentionRunsOnMi300AndMi350OnlyWithBlockSizes16And32() {
        BackendCapabilities fa = new AiterFlashAttentionBackend().capabilities();
        assertEquals(AITER_KV, fa.kvCacheDtypes());
        assertEquals(List.of(KernelBlockSize.exactly(16), KernelBlockSize.exactly(32)), fa.kernelBlockSizes());
        assertEquals(Set.of(64, 128, 256), fa.headSizes());
        assertEquals(Set.of(AttentionType.DECODER), fa.attentionTypes());
        assertTrue(fa.supportsComputeCapability(ComputeCapability.of(9, 4)));
        assertTrue(fa.supportsComputeCapability(ComputeCapability.of(9, 5)));
        assertFalse(fa.supportsComputeCapability(ComputeCapability.of(9, 0)));
        assertFalse(fa.supportsComputeCapability(ComputeCapability.of(11, 0)));
        assertTrue(fa.supportsBlockSize(64));
        assertFalse(fa.supportsBlockSize(8));
    }

    @Test
    void aiterMlaAndItsTritonVariantTakeAnyHeadSizeAndAnyBlockSize() {
        BackendCapabilities mla = new AiterMLABackend().capabilities();
        assertEquals(mla, new AiterTritonMLABackend().capabilities());
        assertEquals(AITER_KV, mla.kvCacheDtypes());
        assertEquals(Set.of(), mla.headSizes());
        assertEquals(List.of(KernelBlockSize.exactly(1)), mla.kernelBlockSizes());
        assertTrue(mla.supportsBlockSize(7));
        assertTrue(mla.isMla());
        assertFalse(mla.isSparse());
    }

    @Test
    void aiterSparseMlaTakesBlockSizes1And64AndNoE5m2Cache() {
        BackendCapabilities sparse = new ROCMAiterMLASparseBackend().capabilities();
        assertEquals(Set.of("float16", "bfloat16"), sparse.dtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3"), sparse.kvCacheDtypes());
        assertEquals(List.of(KernelBlockSize.exactly(1), KernelBlockSize.exactly(64)), sparse.kernelBlockSizes());
        assertTrue(sparse.isMla() && sparse.isSparse());
        assertTrue(sparse.supportsHeadSize(576));
    }
}
