package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.junit.jupiter.api.Test;

class AttentionRunTest {

    @Test
    void theProblemIsTheSameOnEveryRunAndCausalWithGroupedQueryHeads() {
        AttentionInput first = AttentionRun.problem();
        AttentionInput second = AttentionRun.problem();

        assertArrayEquals(first.query(), second.query());
        assertArrayEquals(first.value(), second.value());
        assertEquals(16, first.queryTokens());
        assertEquals(4, first.queriesPerKvHead());
        assertTrue(first.causal());
    }

    @Test
    void theDifferenceIsRelativeToTheLargestReferenceValue() {
        assertEquals(0.05, AttentionRun.maxRelativeDifference(new float[] { 0.1f, 2.1f }, new float[] { 0f, 2f }), 1e-6);
        assertTrue(Double.isNaN(AttentionRun.maxRelativeDifference(new float[] { Float.NaN }, new float[] { 1f })));
    }

    @Test
    void theReportNamesTheProviderTheTimeAndTheDifference() {
        float[] reference = ReferenceAttention.compute(AttentionRun.problem());

        assertEquals("CPU_ATTN computed by b/C in 1.500 ms (16 tokens, 8 heads, 2 kv heads, head size 64, causal).\n"
                + "Max relative difference from ReferenceAttention: 0.00e+00",
                AttentionRun.report("CPU_ATTN", "b/C", 1_500_000, reference.clone(), reference));
    }

    @Test
    void anOutputOfTheWrongShapeIsReportedAsSuch() {
        String report = AttentionRun.report("X", "b/C", 1, new float[3], new float[8192]);

        assertTrue(report.endsWith("b/C returned 3 values where ReferenceAttention returns 8192: its output has the wrong shape."),
                report);
    }
}
