package org.backendregistry.examples.flashattn;

import java.util.Arrays;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Component;

/**
 * An override of FLASH_ATTN that computes on the JVM: tiled flash attention with an online softmax, so
 * no score matrix larger than one tile ever exists.
 */
@Component(service = AttentionBackend.class)
@BackendName("FLASH_ATTN")
public class JvmFlashAttentionBackend implements AttentionBackend {

    /** Query tokens per tile; with grouped-query attention each token contributes one row per shared head. */
    static final int QUERY_TILE = 16;
    /** Key/value tokens per tile. */
    static final int KEY_TILE = 32;

    // the SPI hands over float arrays, so float32 is what this backend computes in
    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float32")
            .kvCacheDtypes("auto")
            .build();

    @Override
    public String name() {
        return "FLASH_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        float[] out = new float[input.query().length];
        for (int kvHead = 0; kvHead < input.kvHeads(); kvHead++) {
            for (int first = 0; first < input.queryTokens(); first += QUERY_TILE) {
                int tokens = Math.min(QUERY_TILE, input.queryTokens() - first);
                new QueryTile(input, kvHead, first, tokens).run(out);
            }
        }
        return out;
    }

    /**
     * The query rows of one tile (tokens × the query heads sharing {@code kvHead}), with their running
     * maximum, running sum and unnormalised output, as they stream over the key tiles.
     */
    private static final class QueryTile {
        private final AttentionInput input;
        private final int kvHead;
        private final int firstToken;
        private final int group;
        private final int rows;
        private final float[] runningMax;
        private final float[] runningSum;
        private final float[] accumulator;
        private final float[] scores = new float[KEY_TILE];

        QueryTile(AttentionInput input, int kvHead, int firstToken, int tokens) {
            this.input = input;
            this.kvHead = kvHead;
            this.firstToken = firstToken;
            this.group = input.queriesPerKvHead();
            this.rows = tokens * group;
            this.runningMax = new float[rows];
            this.runningSum = new float[rows];
            this.accumulator = new float[rows * input.headSize()];
            Arrays.fill(runningMax, Float.NEGATIVE_INFINITY);
        }

        void run(float[] out) {
            // the tile's last token sees the most keys; tiles beyond it are masked for every row
            int lastKey = input.lastVisibleKey(firstToken + rows / group - 1);
            for (int start = 0; start <= lastKey; start += KEY_TILE) {
                int end = Math.min(start + KEY_TILE, input.keyTokens());
                for (int row = 0; row < rows; row++) {
                    attend(row, start, end);
                }
            }
            int headSize = input.headSize();
            for (int row = 0; row < rows; row++) {
                int o = outputOffset(row);
                for (int d = 0; d < headSize; d++) {
                    out[o + d] = accumulator[row * headSize + d] / runningSum[row];
                }
            }
        }

        /** Folds keys {@code [start, end)} that the row may see into its running softmax. */
        private void attend(int row, int start, int end) {
            int visibleEnd = Math.min(end, input.lastVisibleKey(firstToken + row / group) + 1);
            if (visibleEnd <= start) {
                return;
            }
            int headSize = input.headSize();
            int q = outputOffset(row);
            float tileMax = Float.NEGATIVE_INFINITY;
            for (int s = start; s < visibleEnd; s++) {
                int k = (s * input.kvHeads() + kvHead) * headSize;
                // a wider accumulator than the inputs, as tensor cores keep: float sums drift by ~1e-5
                double dot = 0;
                for (int d = 0; d < headSize; d++) {
                    dot += (double) input.query()[q + d] * input.key()[k + d];
                }
                scores[s - start] = (float) (dot * input.scale());
                tileMax = Math.max(tileMax, scores[s - start]);
            }
            float newMax = Math.max(runningMax[row], tileMax);
            // rescale what was summed under the old maximum; exp(-inf) = 0 on the row's first tile
            float correction = (float) Math.exp(runningMax[row] - newMax);
            runningMax[row] = newMax;
            runningSum[row] *= correction;
            int a = row * headSize;
            for (int d = 0; d < headSize; d++) {
                accumulator[a + d] *= correction;
            }
            for (int s = start; s < visibleEnd; s++) {
                float p = (float) Math.exp(scores[s - start] - newMax);
                runningSum[row] += p;
                int v = (s * input.kvHeads() + kvHead) * headSize;
                for (int d = 0; d < headSize; d++) {
                    accumulator[a + d] += p * input.value()[v + d];
                }
            }
        }

        /** Rows run token-major, then over the group's query heads. */
        private int outputOffset(int row) {
            int token = firstToken + row / group;
            int head = kvHead * group + row % group;
            return (token * input.heads() + head) * input.headSize();
        }
    }
}
