package org.backendregistry.backends.cpu;

import java.util.Arrays;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * The default CPU_ATTN: attention computed on the JVM in float, one query head at a time, over blocks
 * of keys. It declares what vLLM's {@code CPUAttentionBackend} declares.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/cpu_attn.py}, the newest version in vLLM's main branch (late 2026): the one whose kernel block sizes are
 * {@code [MultipleOf(16)]} and whose kv cache takes fp8. Older versions (e.g. commit 00358600ed52) had no
 * kernel block sizes, no fp8 and no head size 512.
 */
@Component(service = AttentionBackend.class)
@BackendName("CPU_ATTN")
@BackendDefault
public class CPUAttentionBackend implements AttentionBackend {

    /** Keys per block; each block's weighted values are summed apart before joining the total. */
    private static final int KEY_BLOCK = 32;

    // vLLM's CPU kernels store fp8 caches and need blocks of a multiple of 16 tokens; non-causal attention
    // and every attention type run, sinks are not declared.
    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float16", "bfloat16", "float32")
            .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
            .kernelBlockSizes(KernelBlockSize.multipleOf(16))
            .headSizes(32, 64, 80, 96, 112, 128, 160, 192, 224, 256, 512)
            .attentionTypes(AttentionType.values())
            .nonCausal(true)
            .build();

    @Override
    public String name() {
        return "CPU_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        int headSize = input.headSize();
        float[] out = new float[input.query().length];
        float[] scores = new float[input.keyTokens()];
        float[] total = new float[headSize];
        float[] block = new float[headSize];
        for (int t = 0; t < input.queryTokens(); t++) {
            for (int h = 0; h < input.heads(); h++) {
                int q = (t * input.heads() + h) * headSize;
                int kvHead = h / input.queriesPerKvHead();
                int last = input.lastVisibleKey(t);
                float max = scores(input, q, kvHead, last, scores);
                Arrays.fill(total, 0f);
                float sum = 0f;
                for (int start = 0; start <= last; start += KEY_BLOCK) {
                    int end = Math.min(last, start + KEY_BLOCK - 1);
                    Arrays.fill(block, 0f);
                    float blockSum = 0f;
                    for (int s = start; s <= end; s++) {
                        float weight = (float) Math.exp(scores[s] - max);
                        blockSum += weight;
                        int v = (s * input.kvHeads() + kvHead) * headSize;
                        for (int d = 0; d < headSize; d++) {
                            block[d] += weight * input.value()[v + d];
                        }
                    }
                    // joining per-block partial sums keeps float rounding from growing with the key count
                    sum += blockSum;
                    for (int d = 0; d < headSize; d++) {
                        total[d] += block[d];
                    }
                }
                for (int d = 0; d < headSize; d++) {
                    out[q + d] = total[d] / sum;
                }
            }
        }
        return out;
    }

    /** Fills {@code scores[0..last]} with the scaled dot products and returns their maximum. */
    private static float scores(AttentionInput input, int q, int kvHead, int last, float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (int s = 0; s <= last; s++) {
            int k = (s * input.kvHeads() + kvHead) * input.headSize();
            scores[s] = dot(input.query(), q, input.key(), k, input.headSize()) * input.scale();
            max = Math.max(max, scores[s]);
        }
        return max;
    }

    /**
     * A float dot product with compensated summation (Ogita, Rump and Oishi's Dot2): the exact rounding
     * errors of every product (by fused multiply-add) and every addition (by TwoSum) are summed apart and
     * added back, so the result is as accurate as a float sum in twice the precision. Plain float sums
     * of the large products that peaked scores bring lose about 1e-5 relative.
     */
    static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float sum = 0f;
        float compensation = 0f;
        for (int d = 0; d < length; d++) {
            float x = a[aOffset + d];
            float y = b[bOffset + d];
            float product = x * y;
            float productError = Math.fma(x, y, -product);
            float next = sum + product;
            float rounded = next - sum;
            float sumError = (sum - (next - rounded)) + (product - rounded);
            sum = next;
            compensation += productError + sumError;
        }
        return sum + compensation;
    }
}
