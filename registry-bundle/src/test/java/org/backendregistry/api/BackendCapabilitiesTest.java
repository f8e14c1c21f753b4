package org.backendregistry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackendCapabilitiesTest {

    @Test
    void theBuilderStartsFromVllmsBaseClassDefaults() {
        BackendCapabilities defaults = BackendCapabilities.builder(Platform.CUDA).build();

        assertEquals(Set.of("float16", "bfloat16"), defaults.dtypes());
        assertEquals(Set.of("auto", "float16", "bfloat16"), defaults.kvCacheDtypes());
        assertEquals(0, defaults.minHeadSize());
        assertTrue(defaults.supportsHeadSize(1));
        assertEquals(List.of(KernelBlockSize.multipleOf(1)), defaults.kernelBlockSizes());
        assertEquals(Set.of(AttentionType.DECODER), defaults.attentionTypes());
        assertTrue(defaults.supportsKvConnector());
        assertFalse(defaults.supportsSink() || defaults.supportsNonCausal() || defaults.isMla() || defaults.isSparse());
        assertTrue(defaults.supportsComputeCapability(ComputeCapability.of(7, 0)));
    }

    @Test
    void capabilitiesWithTheSameFieldsAreEqual() {
        BackendCapabilities one = BackendCapabilities.builder(Platform.CUDA).headSizes(64).sink(true).build();

        assertEquals(one, BackendCapabilities.builder(Platform.CUDA).headSizes(64).sink(true).build());
        assertEquals(one.hashCode(), BackendCapabilities.builder(Platform.CUDA).headSizes(64).sink(true).build().hashCode());
        assertNotEquals(one, BackendCapabilities.builder(Platform.CUDA).headSizes(64).build());
    }

    @Test
    void aLowerHeadSizeBoundAcceptsEverySizeFromThereOnAndAddsToAList() {
        BackendCapabilities triton = BackendCapabilities.builder(Platform.CUDA).minHeadSize(32).build();
        BackendCapabilities listed = BackendCapabilities.builder(Platform.CUDA).headSizes(16, 64).minHeadSize(32).build();

        assertFalse(triton.supportsHeadSize(16));
        assertTrue(triton.supportsHeadSize(32));
        assertTrue(triton.supportsHeadSize(100));
        assertFalse(listed.supportsHeadSize(16));
        assertTrue(listed.supportsHeadSize(64));
        assertFalse(listed.supportsHeadSize(100));
        assertTrue(triton.toString().contains("headSizes=any from 32"), triton.toString());
        assertNotEquals(triton, BackendCapabilities.builder(Platform.CUDA).build());
    }

    @Test
    void theComputeCapabilityRangeIsInclusive() {
        BackendCapabilities blackwell = BackendCapabilities.builder(Platform.CUDA)
                .computeCapabilities(ComputeCapability.of(10, 0), ComputeCapability.of(10, 3)).build();

        assertTrue(blackwell.supportsComputeCapability(ComputeCapability.parse("10.0")));
        assertTrue(blackwell.supportsComputeCapability(ComputeCapability.parse("103")));
        assertFalse(blackwell.supportsComputeCapability(ComputeCapability.parse("9.0")));
        assertFalse(blackwell.supportsComputeCapability(ComputeCapability.parse("12.0")));
        assertTrue(blackwell.supportsComputeCapability(null));
    }

    @Test
    void kernelBlockSizesPrintAsVllmsAndRefuseZero() {
        assertEquals("[16, MultipleOf(32)]", List.of(KernelBlockSize.exactly(16), KernelBlockSize.multipleOf(32)).toString());
        assertThrows(IllegalArgumentException.class, () -> KernelBlockSize.exactly(0));
        assertEquals("Not a compute capability: 'ampere'. Write major.minor, e.g. 9.0 or 10.0",
                assertThrows(IllegalArgumentException.class, () -> ComputeCapability.parse("ampere")).getMessage());
    }
}
