package org.backendregistry.backends.cpu;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * The default TORCH_SDPA: PyTorch's "math" scaled dot-product attention on the JVM, per query head a
 * full score matrix, its row-wise softmax, times the values.
 * <p>
 * Source: vLLM keeps TORCH_SDPA as a tag without a backend class ({@code TORCH_SDPA = ""}, "only used for
 * ViT", in {@code vllm/v1/attention/backends/registry.py} at commit 0033bf03abd6), so no vLLM class declares
 * anything for it; this declares what {@code torch.nn.functional.scaled_dot_product_attention} takes.
 */
@Component(service = AttentionBackend.class)
@BackendName("TORCH_SDPA")
@BackendDefault
public class TorchSDPABackend implements AttentionBackend {

    // torch.nn.functional.scaled_dot_product_attention takes every float dtype and any head size.
    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float16", "bfloat16", "float32")
            .kvCacheDtypes("auto")
            .build();

    @Override
    public String name() {
        return "TORCH_SDPA";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        float[] out = new float[input.query().length];
        float[][] probabilities = new float[input.queryTokens()][input.keyTokens()];
        for (int h = 0; h < input.heads(); h++) {
            int kvHead = h / input.queriesPerKvHead();
            scoreMatrix(input, h, kvHead, probabilities);
            for (float[] row : probabilities) {
                softmax(row);
            }
            multiplyValues(input, h, kvHead, probabilities, out);
        }
        return out;
    }

    /** Scaled Q·Kᵀ for one head; masked positions get -∞ so that softmax gives them weight zero. */
    private static void scoreMatrix(AttentionInput input, int head, int kvHead, float[][] scores) {
        int headSize = input.headSize();
        for (int i = 0; i < input.queryTokens(); i++) {
            int q = (i * input.heads() + head) * headSize;
            int last = input.lastVisibleKey(i);
            for (int j = 0; j < input.keyTokens(); j++) {
                if (j > last) {
                    scores[i][j] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                int k = (j * input.kvHeads() + kvHead) * headSize;
                // a wide accumulator, as in a GEMM: float sums of large products drift by ~1e-5
                double dot = 0;
                for (int d = 0; d < headSize; d++) {
                    dot += (double) input.query()[q + d] * input.key()[k + d];
                }
                scores[i][j] = (float) (dot * input.scale());
            }
        }
    }

    /** In-place softmax of one row, shifted by its maximum so that exp cannot overflow. */
    private static void softmax(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float score : row) {
            max = Math.max(max, score);
        }
        float sum = 0f;
        for (int j = 0; j < row.length; j++) {
            row[j] = (float) Math.exp(row[j] - max);
            sum += row[j];
        }
        for (int j = 0; j < row.length; j++) {
            row[j] /= sum;
        }
    }

    /** out[:, head, :] = P · V[:, kvHead, :]. */
    private static void multiplyValues(AttentionInput input, int head, int kvHead, float[][] probabilities,
            float[] out) {
        int headSize = input.headSize();
        for (int i = 0; i < input.queryTokens(); i++) {
            int o = (i * input.heads() + head) * headSize;
            for (int j = 0; j < input.keyTokens(); j++) {
                float p = probabilities[i][j];
                if (p == 0f) {
                    continue;
                }
                int v = (j * input.kvHeads() + kvHead) * headSize;
                for (int d = 0; d < headSize; d++) {
                    out[o + d] += p * input.value()[v + d];
                }
            }
        }
    }
}
