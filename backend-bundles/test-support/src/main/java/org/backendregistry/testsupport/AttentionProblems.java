package org.backendregistry.testsupport;

import java.util.Random;
import java.util.stream.Stream;

import org.backendregistry.attention.AttentionInput;

/**
 * Seeded random attention problems in the shapes that break tiled or grouped implementations: causal
 * and not, more keys than queries, fewer kv heads than query heads, token counts that are no multiple
 * of a tile, head sizes 64, 80 and 128, and sharply peaked scores.
 */
public final class AttentionProblems {

    /**
     * The tolerance, elementwise: |actual - expected| <= 1e-5 * max(1, |expected|), i.e. relative for
     * outputs above 1 in magnitude and absolute below, where a relative bound would be meaningless.
     */
    public static final double TOLERANCE = 1e-5;

    private AttentionProblems() {
    }

    /** One named problem; the name is what a failing test shows. */
    public record Problem(String description, AttentionInput input) {
        @Override
        public String toString() {
            return description;
        }
    }

    public static Stream<Problem> all() {
        return Stream.of(
                problem(1, 1, 1, 1, 64, false, 1),
                problem(7, 7, 4, 4, 64, true, 1),
                problem(5, 37, 8, 2, 128, true, 1),
                problem(33, 33, 8, 2, 64, true, 1),
                problem(19, 101, 8, 2, 128, false, 1),
                problem(70, 70, 2, 1, 80, true, 1),
                problem(3, 129, 6, 3, 64, true, 1),
                problem(40, 97, 8, 2, 64, true, 1),
                problem(17, 65, 8, 8, 128, false, 1),
                problem(23, 50, 4, 2, 64, true, 4));
    }

    public static Problem problem(int queryTokens, int keyTokens, int heads, int kvHeads, int headSize, boolean causal,
            float magnitude) {
        long seed = 31L * queryTokens + 17L * keyTokens + 7L * heads + kvHeads + headSize + (causal ? 1 : 0);
        Random random = new Random(seed);
        AttentionInput input = new AttentionInput(
                gaussian(random, queryTokens * heads * headSize, magnitude),
                gaussian(random, keyTokens * kvHeads * headSize, magnitude),
                gaussian(random, keyTokens * kvHeads * headSize, 1),
                queryTokens, keyTokens, heads, kvHeads, headSize, causal, (float) (1 / Math.sqrt(headSize)));
        String description = queryTokens + " queries over " + keyTokens + " keys, " + heads + " heads on " + kvHeads
                + " kv heads, head size " + headSize + (causal ? ", causal" : "")
                + (magnitude != 1 ? ", peaked scores" : "");
        return new Problem(description, input);
    }

    private static float[] gaussian(Random random, int length, float magnitude) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian() * magnitude;
        }
        return values;
    }

    /** Asserts the {@link #TOLERANCE} elementwise, naming the first output that misses it. */
    public static void assertClose(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("expected " + expected.length + " outputs but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - (double) expected[i]) / Math.max(1, Math.abs(expected[i]));
            if (!(error <= TOLERANCE)) {
                throw new AssertionError("output " + i + " is " + actual[i] + " but should be " + expected[i]
                        + " (error " + error + " > " + TOLERANCE + ")");
            }
        }
    }
}
