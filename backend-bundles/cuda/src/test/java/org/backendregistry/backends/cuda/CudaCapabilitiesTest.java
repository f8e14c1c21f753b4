package org.backendregistry.backends.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.CombinationRule;
import org.backendregistry.api.ComputeCapability;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Spot checks of capabilities where vLLM's kernels are restrictive, so a selector rejects what vLLM would. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CudaCapabilitiesTest {

    @Test
    void flashAttentionTakesHeadSizesThatAreMultiplesOf8UpTo256() {
        var capabilities = new FlashAttentionBackend().capabilities();
        assertTrue(capabilities.supportsHeadSize(8));
        assertTrue(capabilities.supportsHeadSize(72));
        assertTrue(capabilities.supportsHeadSize(256));
        assertFalse(capabilities.supportsHeadSize(100));
        assertFalse(capabilities.supportsHeadSize(264));
    }

    @Test
    void flashinferTakesHeadSizes64And128And256Only() {
        assertEquals(Set.of(64, 128, 256), new FlashInferBackend().capabilities().headSizes());
    }

    @Test
    void flashmlaSparseRunsBfloat16ModelsWithTheDeepseekFp8CacheLayout() {
        var capabilities = new FlashMLASparseBackend().capabilities();
        assertEquals(Set.of("bfloat16"), capabilities.dtypes());
        assertTrue(capabilities.kvCacheDtypes().contains("fp8_ds_mla"));
    }

    @Test
    void tritonAttentionAlsoRunsFloat32ModelsAndFp8Caches() {
        var capabilities = new TritonAttentionBackend().capabilities();
        assertTrue(capabilities.dtypes().contains("float32"));
        assertTrue(capabilities.kvCacheDtypes().containsAll(Set.of("fp8", "fp8_e4m3", "fp8_e5m2")));
    }

    @Test
    void tritonAttentionTakesEveryHeadSizeFrom32EveryAttentionTypeSinksAndPerTokenHeadCaches() {
        var capabilities = new TritonAttentionBackend().capabilities();
        assertFalse(capabilities.supportsHeadSize(16));
        assertTrue(capabilities.supportsHeadSize(32));
        assertTrue(capabilities.supportsHeadSize(100));
        assertEquals(EnumSet.allOf(AttentionType.class), capabilities.attentionTypes());
        assertTrue(capabilities.supportsSink() && capabilities.supportsMmPrefix());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2", "int4_per_token_head",
                "int8_per_token_head", "fp8_per_token_head"), capabilities.kvCacheDtypes());
    }

    @Test
    void flashAttentionDeclaresVllmsNonCausalBatchInvarianceAndHalfPrecisionCaches() {
        var capabilities = new FlashAttentionBackend().capabilities();
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3"), capabilities.kvCacheDtypes());
        assertTrue(capabilities.supportsNonCausal());
        assertTrue(capabilities.supportsBatchInvariance());
        assertTrue(capabilities.supportsPerHeadQuantScales());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2"),
                new FlashInferBackend().capabilities().kvCacheDtypes());
        assertFalse(new FlashInferBackend().capabilities().supportsNonCausal());
    }

    @Test
    void blackwellOnlyMlaKernelsRejectHopperAndFlashMlaTakesBoth() {
        var hopper = ComputeCapability.of(9, 0);
        var blackwell = ComputeCapability.of(10, 0);
        assertFalse(new CutlassMLABackend().capabilities().supportsComputeCapability(hopper));
        assertTrue(new CutlassMLABackend().capabilities().supportsComputeCapability(blackwell));
        assertFalse(new FlashInferMLABackend().capabilities().supportsComputeCapability(hopper));
        assertTrue(new FlashMLABackend().capabilities().supportsComputeCapability(hopper));
        assertTrue(new FlashMLABackend().capabilities().supportsComputeCapability(blackwell));
        assertFalse(new FlashAttnMLABackend().capabilities().supportsComputeCapability(blackwell));
        assertFalse(new FlashAttentionBackend().capabilities().supportsComputeCapability(
                ComputeCapability.of(7, 5)));
    }

    @Test
    void kernelBlockSizesFollowVllm() {
        assertTrue(new FlashAttentionBackend().capabilities().supportsBlockSize(32));
        assertFalse(new FlashAttentionBackend().capabilities().supportsBlockSize(8));
        assertFalse(new CutlassMLABackend().capabilities().supportsBlockSize(64));
        assertTrue(new CutlassMLABackend().capabilities().supportsBlockSize(256));
        assertFalse(new TritonMLABackend().capabilities().supportsBlockSize(8));
        assertTrue(new TritonMLABackend().capabilities().supportsBlockSize(48));
        assertTrue(new FlexAttentionBackend().capabilities().supportsBlockSize(32));
        assertFalse(new FlexAttentionBackend().capabilities().supportsBlockSize(8));
    }

    @Test
    void mlaAndTreeBackendsTakeTheCachesVllmsNewestClassesList() {
        assertEquals(Set.of("auto", "float16", "bfloat16"), new FlashAttnMLABackend().capabilities().kvCacheDtypes());
        assertTrue(new FlashAttnMLABackend().capabilities().supportsBatchInvariance());
        assertEquals(Set.of("auto", "bfloat16", "fp8", "fp8_e4m3"), new FlashMLABackend().capabilities().kvCacheDtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3"),
                new FlashInferMLABackend().capabilities().kvCacheDtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3"),
                new CutlassMLABackend().capabilities().kvCacheDtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16", "fp8", "fp8_e4m3"),
                new TritonMLABackend().capabilities().kvCacheDtypes());
        assertEquals(Set.of("auto", "bfloat16", "fp8_ds_mla", "fp8"),
                new FlashMLASparseBackend().capabilities().kvCacheDtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16"), new TreeAttentionBackend().capabilities().kvCacheDtypes());
        assertEquals(Set.of(32, 64, 96, 128, 160, 192, 224, 256), new TreeAttentionBackend().capabilities().headSizes());
    }

    @Test
    void tritonMlaTakesAnyHeadSizeAndFlexAttentionIsNonCausalWithMultimodalPrefixes() {
        assertTrue(new TritonMLABackend().capabilities().supportsHeadSize(192));
        assertEquals(Set.of(576), new FlashMLABackend().capabilities().headSizes());
        var flex = new FlexAttentionBackend().capabilities();
        assertTrue(flex.supportsNonCausal() && flex.supportsMmPrefix() && flex.supportsBatchInvariance());
        assertEquals(Set.of("auto", "bfloat16"), flex.kvCacheDtypes());
    }

    private static List<String> combinationReasons(HardwareKernelBackend backend, boolean hasSink, int major, int minor) {
        return backend.capabilities().combinationRules().stream()
                .filter(rule -> rule.matches(128, "auto", hasSink, false, ComputeCapability.of(major, minor)))
                .map(CombinationRule::reason).limit(1).toList();
    }

    @Test
    void flashAttentionWithSinksOnAnAmpereGpuGivesVllmsCombinationReason() {
        assertEquals(List.of("sink not supported on compute capability < 9.0"),
                combinationReasons(new FlashAttentionBackend(), true, 8, 0));
        assertEquals(List.of("sink not supported on compute capability < 9.0"),
                combinationReasons(new FlashAttentionBackend(), true, 8, 9));
    }

    @Test
    void flashAttentionTakesSinksFromHopperOnAndNoSinksEverywhere() {
        assertEquals(List.of(), combinationReasons(new FlashAttentionBackend(), true, 9, 0));
        assertEquals(List.of(), combinationReasons(new FlashAttentionBackend(), true, 10, 0));
        assertEquals(List.of(), combinationReasons(new FlashAttentionBackend(), false, 8, 0));
    }

    @Test
    void noOtherDefaultCudaBackendDeclaresACombinationRule() {
        for (HardwareKernelBackend backend : List.of(new FlashInferBackend(), new TritonAttentionBackend(),
                new FlexAttentionBackend(), new TreeAttentionBackend(), new FlashAttnMLABackend(), new FlashMLABackend(),
                new FlashInferMLABackend(), new CutlassMLABackend(), new TritonMLABackend(), new FlashMLASparseBackend())) {
            assertEquals(List.of(), backend.capabilities().combinationRules(), backend.name());
        }
    }
}
