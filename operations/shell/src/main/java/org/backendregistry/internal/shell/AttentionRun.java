package org.backendregistry.internal.shell;

import java.util.Locale;
import java.util.Random;

import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;

/**
 * The {@code backend:run} problem and its verdict: a small seeded causal attention problem with
 * grouped-query heads, and how far a backend's output is from {@link ReferenceAttention}'s.
 */
final class AttentionRun {

    static final int TOKENS = 16;
    static final int HEADS = 8;
    static final int KV_HEADS = 2;
    static final int HEAD_SIZE = 64;
    private static final long SEED = 20_240_611L;

    private AttentionRun() {
    }

    /** @return the same problem on every call: {@value #TOKENS} tokens, {@value #HEADS} heads, causal */
    static AttentionInput problem() {
        Random random = new Random(SEED);
        float[] query = randomValues(random, TOKENS * HEADS * HEAD_SIZE);
        float[] key = randomValues(random, TOKENS * KV_HEADS * HEAD_SIZE);
        float[] value = randomValues(random, TOKENS * KV_HEADS * HEAD_SIZE);
        return AttentionInput.of(query, key, value, TOKENS, HEADS, KV_HEADS, HEAD_SIZE, true);
    }

    /**
     * The largest absolute difference between the outputs, relative to the largest magnitude in the
     * reference: per-element ratios would blow up where the reference is close to zero.
     *
     * @return the relative difference, or NaN when an output is not finite
     */
    static double maxRelativeDifference(float[] actual, float[] reference) {
        double largestDifference = 0;
        double largestReference = 0;
        for (int i = 0; i < reference.length; i++) {
            double difference = Math.abs((double) actual[i] - reference[i]);
            if (Double.isNaN(difference)) {
                return Double.NaN;
            }
            largestDifference = Math.max(largestDifference, difference);
            largestReference = Math.max(largestReference, Math.abs(reference[i]));
        }
        return largestReference == 0 ? largestDifference : largestDifference / largestReference;
    }

    /** @return the lines {@code backend:run} prints for a computation that returned an output */
    static String report(String name, String provider, long nanos, float[] actual, float[] reference) {
        String computed = name + " computed by " + provider + " in "
                + String.format(Locale.ROOT, "%.3f ms", nanos / 1e6) + " (" + TOKENS + " tokens, " + HEADS
                + " heads, " + KV_HEADS + " kv heads, head size " + HEAD_SIZE + ", causal).";
        if (actual == null || actual.length != reference.length) {
            return computed + "\n" + provider + " returned " + (actual == null ? "null" : actual.length + " values")
                    + " where ReferenceAttention returns " + reference.length + ": its output has the wrong shape.";
        }
        return computed + "\nMax relative difference from ReferenceAttention: "
                + String.format(Locale.ROOT, "%.2e", maxRelativeDifference(actual, reference));
    }

    private static float[] randomValues(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
