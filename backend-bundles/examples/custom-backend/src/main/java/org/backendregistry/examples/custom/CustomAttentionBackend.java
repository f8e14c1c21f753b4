package org.backendregistry.examples.custom;

import java.util.Arrays;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * A CUSTOM attention backend: one streaming pass per query row with a running maximum, accumulated in
 * double. Registered as a DS component, and loadable by class name through its (non-exporting) bundle.
 */
@Component(service = AttentionBackend.class)
@BackendName("CUSTOM")
public class CustomAttentionBackend implements AttentionBackend {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float32")
            .kvCacheDtypes("auto")
            .build();

    /** Public and without arguments, so that the registry can instantiate it from its class name. */
    public CustomAttentionBackend() {
    }

    @Override
    public String name() {
        return "CUSTOM";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        int headSize = input.headSize();
        float[] out = new float[input.query().length];
        double[] acc = new double[headSize];
        for (int t = 0; t < input.queryTokens(); t++) {
            for (int h = 0; h < input.heads(); h++) {
                int q = (t * input.heads() + h) * headSize;
                int kvHead = h / input.queriesPerKvHead();
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                Arrays.fill(acc, 0);
                for (int s = 0; s <= input.lastVisibleKey(t); s++) {
                    int k = (s * input.kvHeads() + kvHead) * headSize;
                    double score = 0;
                    for (int d = 0; d < headSize; d++) {
                        score += (double) input.query()[q + d] * input.key()[k + d];
                    }
                    score *= input.scale();
                    if (score > max) {
                        // a new maximum: shrink what was summed so far to the new reference point
                        double shrink = Math.exp(max - score);
                        sum *= shrink;
                        for (int d = 0; d < headSize; d++) {
                            acc[d] *= shrink;
                        }
                        max = score;
                    }
                    double weight = Math.exp(score - max);
                    sum += weight;
                    for (int d = 0; d < headSize; d++) {
                        acc[d] += weight * input.value()[k + d];
                    }
                }
                for (int d = 0; d < headSize; d++) {
                    out[q + d] = (float) (acc[d] / sum);
                }
            }
        }
        return out;
    }
}
