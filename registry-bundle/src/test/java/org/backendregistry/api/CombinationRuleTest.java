package org.backendregistry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

class CombinationRuleTest {

    private static final CombinationRule SINK_BELOW_HOPPER = CombinationRule.when().hasSink(true)
            .computeCapabilityBelow(ComputeCapability.of(9, 0)).reason("sink not supported on compute capability < 9.0");

    @Test
    void aRuleMatchesOnlyWhenEveryConditionItSetsHolds() {
        assertTrue(SINK_BELOW_HOPPER.matches(128, "auto", true, false, ComputeCapability.of(8, 0)));
        assertFalse(SINK_BELOW_HOPPER.matches(128, "auto", false, false, ComputeCapability.of(8, 0)));
        assertFalse(SINK_BELOW_HOPPER.matches(128, "auto", true, false, ComputeCapability.of(9, 0)));
    }

    @Test
    void aComputeCapabilityConditionNeverHoldsOnADeviceWithoutOne() {
        assertFalse(SINK_BELOW_HOPPER.matches(128, "auto", true, false, null));
        assertFalse(CombinationRule.when().computeCapabilityFrom(ComputeCapability.of(10, 0)).reason("r")
                .matches(128, "auto", false, false, null));
    }

    @Test
    void headSizeKvCacheAndSparseConditionsNarrowTheMatch() {
        CombinationRule rule = CombinationRule.when().headSizes(256).kvCacheDtypes("fp8").useSparse(false)
                .computeCapabilityFrom(ComputeCapability.of(10, 0)).reason("fp8 head 256 not supported");

        assertTrue(rule.matches(256, "fp8", false, false, ComputeCapability.of(10, 0)));
        assertFalse(rule.matches(128, "fp8", false, false, ComputeCapability.of(10, 0)));
        assertFalse(rule.matches(256, "auto", false, false, ComputeCapability.of(10, 0)));
        assertFalse(rule.matches(256, "fp8", false, true, ComputeCapability.of(10, 0)));
        assertFalse(rule.matches(256, "fp8", false, false, ComputeCapability.of(9, 0)));
    }

    @Test
    void rulesAreValuesThatPrintTheirConditionsAndVllmsReason() throws Exception {
        CombinationRule same = CombinationRule.when().hasSink(true).computeCapabilityBelow(ComputeCapability.of(9, 0))
                .reason("sink not supported on compute capability < 9.0");

        assertEquals(SINK_BELOW_HOPPER, same);
        assertEquals(SINK_BELOW_HOPPER.hashCode(), same.hashCode());
        assertNotEquals(SINK_BELOW_HOPPER, CombinationRule.when().hasSink(true)
                .reason("sink not supported on compute capability < 9.0"));
        assertEquals("[has_sink=true, compute capability < 9.0] -> sink not supported on compute capability < 9.0",
                SINK_BELOW_HOPPER.toString());
        assertEquals(SINK_BELOW_HOPPER, roundTrip(SINK_BELOW_HOPPER));
    }

    @Test
    void aRuleNeedsAReasonText() {
        assertThrows(IllegalArgumentException.class, () -> CombinationRule.when().hasSink(true).reason(" "));
    }

    @Test
    void capabilitiesCarryTheirRulesInOrderAndCompareThem() throws Exception {
        CombinationRule other = CombinationRule.when().useSparse(true).reason("other");
        BackendCapabilities capabilities = BackendCapabilities.builder(Platform.CUDA)
                .combinationRules(SINK_BELOW_HOPPER, other).build();

        assertEquals(List.of(SINK_BELOW_HOPPER, other), capabilities.combinationRules());
        assertEquals(List.of(), BackendCapabilities.builder(Platform.CUDA).build().combinationRules());
        assertNotEquals(capabilities, BackendCapabilities.builder(Platform.CUDA).build());
        assertEquals(capabilities, roundTrip(capabilities));
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
