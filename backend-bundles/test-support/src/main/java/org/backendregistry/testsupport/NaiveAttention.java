package org.backendregistry.testsupport;

import org.backendregistry.attention.AttentionInput;

/** The textbook formula written out in doubles, as an independent check on the backends. */
public final class NaiveAttention {

    private NaiveAttention() {
    }

    public static float[] attend(AttentionInput in) {
        int n = in.headSize();
        float[] out = new float[in.queryTokens() * in.heads() * n];
        // queries are the last tokens of the sequence: query t sits at absolute position t + offset
        int offset = in.keyTokens() - in.queryTokens();
        for (int t = 0; t < in.queryTokens(); t++) {
            for (int h = 0; h < in.heads(); h++) {
                int g = h * in.kvHeads() / in.heads();
                double[] logits = new double[in.keyTokens()];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < in.keyTokens(); s++) {
                    logits[s] = Double.NEGATIVE_INFINITY;
                    if (in.causal() && s > t + offset) {
                        continue;
                    }
                    double dot = 0;
                    for (int d = 0; d < n; d++) {
                        dot += in.query()[(t * in.heads() + h) * n + d] * (double) in.key()[(s * in.kvHeads() + g) * n + d];
                    }
                    logits[s] = dot * in.scale();
                    max = Math.max(max, logits[s]);
                }
                double z = 0;
                double[] mix = new double[n];
                for (int s = 0; s < in.keyTokens(); s++) {
                    double w = Math.exp(logits[s] - max);
                    z += w;
                    for (int d = 0; d < n; d++) {
                        mix[d] += w * in.value()[(s * in.kvHeads() + g) * n + d];
                    }
                }
                for (int d = 0; d < n; d++) {
                    out[(t * in.heads() + h) * n + d] = (float) (mix[d] / z);
                }
            }
        }
        return out;
    }
}
