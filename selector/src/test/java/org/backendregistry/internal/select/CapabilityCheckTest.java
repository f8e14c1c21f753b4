package org.backendregistry.internal.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.CombinationRule;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.junit.jupiter.api.Test;

class CapabilityCheckTest {

    private static final ComputeCapability HOPPER = ComputeCapability.of(9, 0);

    private static List<String> reasons(UnaryOperator<BackendCapabilities.Builder> backend,
            UnaryOperator<AttentionSelectorConfig.Builder> config) {
        return CapabilityCheck.reasons(backend.apply(BackendCapabilities.builder(Platform.CUDA)).build(),
                config.apply(AttentionSelectorConfig.builder(128, "bfloat16")).build(), HOPPER);
    }

    @Test
    void aBackendWithVllmsDefaultsServesAPlainDecoderConfig() {
        assertEquals(List.of(), reasons(b -> b, c -> c));
    }

    @Test
    void anUnlistedHeadSizeIsNotSupported() {
        assertEquals(List.of("head_size not supported"), reasons(b -> b.headSizes(64, 256), c -> c));
    }

    @Test
    void float32IsNotADefaultDtype() {
        assertEquals(List.of("dtype not supported"), reasons(b -> b, c -> AttentionSelectorConfig.builder(128, "torch.float32")));
    }

    @Test
    void fp8KvCacheNeedsToBeDeclared() {
        assertEquals(List.of("kv_cache_dtype not supported"), reasons(b -> b, c -> c.kvCacheDtype("fp8")));
        assertEquals(List.of(), reasons(b -> b, c -> c.kvCacheDtype(null)));
    }

    @Test
    void aBlockSizeFitsWhenItIsAMultipleOfAKernelBlockSize() {
        assertEquals(List.of("block_size not supported"),
                reasons(b -> b.kernelBlockSizes(KernelBlockSize.exactly(64)), c -> c.blockSize(16)));
        assertEquals(List.of(), reasons(b -> b.kernelBlockSizes(KernelBlockSize.exactly(64)), c -> c.blockSize(128)));
        assertEquals(List.of(), reasons(b -> b.kernelBlockSizes(KernelBlockSize.multipleOf(16)), c -> c.blockSize(32)));
        assertEquals(List.of(), reasons(b -> b.kernelBlockSizes(KernelBlockSize.exactly(64)), c -> c.blockSize(null)));
    }

    @Test
    void mmPrefixNeedsSupport() {
        assertEquals(List.of("partial multimodal token full attention not supported"),
                reasons(b -> b, c -> c.useMmPrefix(true)));
    }

    @Test
    void mlaMustMatchBothWays() {
        assertEquals(List.of("MLA not supported"), reasons(b -> b, c -> c.useMla(true)));
        assertEquals(List.of("non-MLA not supported"), reasons(b -> b.mla(true), c -> c));
    }

    @Test
    void sinksNeedSupport() {
        assertEquals(List.of("attention sinks not supported"), reasons(b -> b, c -> c.hasSink(true)));
        assertEquals(List.of(), reasons(b -> b.sink(true), c -> c.hasSink(true)));
    }

    @Test
    void sparseMustMatchBothWays() {
        assertEquals(List.of("sparse not supported"), reasons(b -> b, c -> c.useSparse(true)));
        assertEquals(List.of("non-sparse not supported"), reasons(b -> b.sparse(true), c -> c));
    }

    @Test
    void perHeadQuantScalesNeedSupport() {
        assertEquals(List.of("per-head quant scales not supported"), reasons(b -> b, c -> c.usePerHeadQuantScales(true)));
    }

    @Test
    void theDeviceMustBeInTheComputeCapabilityRange() {
        assertEquals(List.of("compute capability not supported"),
                reasons(b -> b.computeCapabilities(ComputeCapability.of(10, 0), ComputeCapability.of(10, 9)), c -> c));
        assertEquals(List.of(), CapabilityCheck.reasons(BackendCapabilities.builder(Platform.CUDA)
                .computeCapabilities(ComputeCapability.of(10, 0), ComputeCapability.MAX).build(),
                AttentionSelectorConfig.builder(128, "bfloat16").build(), null));
    }

    @Test
    void anAttentionTypeIsNamedAsVllmPrintsIt() {
        assertEquals(List.of("attention type AttentionType.ENCODER_ONLY not supported"),
                reasons(b -> b, c -> c.attnType(AttentionType.ENCODER_ONLY)));
        assertEquals(List.of(), reasons(b -> b.attentionTypes(AttentionType.DECODER, AttentionType.ENCODER_ONLY),
                c -> c.attnType(AttentionType.ENCODER_ONLY)));
    }

    @Test
    void nonCausalNeedsSupport() {
        assertEquals(List.of("non-causal attention not supported"), reasons(b -> b, c -> c.useNonCausal(true)));
    }

    @Test
    void batchInvarianceNeedsSupport() {
        assertEquals(List.of("batch invariance not supported"), reasons(b -> b, c -> c.useBatchInvariant(true)));
    }

    @Test
    void aKvConnectorIsSupportedUnlessDeclaredOtherwise() {
        assertEquals(List.of(), reasons(b -> b, c -> c.useKvConnector(true)));
        assertEquals(List.of("KV connector not supported"), reasons(b -> b.kvConnector(false), c -> c.useKvConnector(true)));
    }

    @Test
    void reasonsComeInVllmsOrder() {
        assertEquals(List.of("head_size not supported", "dtype not supported", "kv_cache_dtype not supported",
                "block_size not supported", "MLA not supported", "attention sinks not supported", "sparse not supported",
                "compute capability not supported", "attention type AttentionType.ENCODER not supported",
                "non-causal attention not supported"),
                CapabilityCheck.reasons(BackendCapabilities.builder(Platform.CUDA).headSizes(64).dtypes("float16")
                        .kernelBlockSizes(KernelBlockSize.exactly(64))
                        .computeCapabilities(ComputeCapability.of(10, 0), ComputeCapability.of(10, 9)).build(),
                        AttentionSelectorConfig.builder(192, "bfloat16").kvCacheDtype("fp8").blockSize(16)
                                .useMla(true).hasSink(true).useSparse(true).attnType(AttentionType.ENCODER)
                                .useNonCausal(true).build(), HOPPER));
    }

    @Test
    void aCombinationRuleAddsVllmsReasonAfterAllOtherReasons() {
        CombinationRule sinkBelowHopper = CombinationRule.when().hasSink(true)
                .computeCapabilityBelow(ComputeCapability.of(9, 0)).reason("sink not supported on compute capability < 9.0");

        assertEquals(List.of("head_size not supported", "sink not supported on compute capability < 9.0"),
                CapabilityCheck.reasons(BackendCapabilities.builder(Platform.CUDA).headSizes(64).sink(true)
                        .combinationRules(sinkBelowHopper).build(),
                        AttentionSelectorConfig.builder(128, "bfloat16").hasSink(true).build(), ComputeCapability.of(8, 0)));
        assertEquals(List.of(), reasons(b -> b.sink(true).combinationRules(sinkBelowHopper), c -> c.hasSink(true)));
    }

    @Test
    void onlyTheFirstMatchingCombinationRuleIsReportedAsVllmReturnsOneString() {
        assertEquals(List.of("first"), reasons(b -> b.combinationRules(CombinationRule.when().useSparse(true).reason("never"),
                CombinationRule.when().headSizes(128).reason("first"), CombinationRule.when().reason("second")), c -> c));
    }
}
