package org.backendregistry.attention;

/**
 * The plain, obviously correct attention computation (two passes, double accumulation), against which
 * faster implementations are checked.
 */
public final class ReferenceAttention {

    private ReferenceAttention() {
    }

    /** @return the attention output for {@code input}, tokens × heads × head size */
    public static float[] compute(AttentionInput input) {
        int heads = input.heads();
        int headSize = input.headSize();
        int kvHeads = input.kvHeads();
        float[] out = new float[input.queryTokens() * heads * headSize];
        double[] scores = new double[input.keyTokens()];
        for (int t = 0; t < input.queryTokens(); t++) {
            int last = input.lastVisibleKey(t);
            for (int h = 0; h < heads; h++) {
                int kvHead = h / input.queriesPerKvHead();
                int q = (t * heads + h) * headSize;
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= last; s++) {
                    int k = (s * kvHeads + kvHead) * headSize;
                    double dot = 0;
                    for (int d = 0; d < headSize; d++) {
                        dot += (double) input.query()[q + d] * input.key()[k + d];
                    }
                    scores[s] = dot * input.scale();
                    max = Math.max(max, scores[s]);
                }
                double sum = 0;
                for (int s = 0; s <= last; s++) {
                    scores[s] = Math.exp(scores[s] - max);
                    sum += scores[s];
                }
                for (int d = 0; d < headSize; d++) {
                    double acc = 0;
                    for (int s = 0; s <= last; s++) {
                        acc += scores[s] * input.value()[(s * kvHeads + kvHead) * headSize + d];
                    }
                    out[q + d] = (float) (acc / sum);
                }
            }
        }
        return out;
    }
}
