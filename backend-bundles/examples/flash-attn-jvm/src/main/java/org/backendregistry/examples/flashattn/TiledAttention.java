package org.backendregistry.examples.flashattn;

import java.util.Arrays;
import java.util.Map;

import org.backendregistry.attention.AttentionInput;

/**
 * Tiled flash attention with an online softmax, so no score matrix larger than one tile ever exists; the
 * tile sizes come from configuration ({@value #QUERY_TILE_KEY}, {@value #KEY_TILE_KEY}).
 *
 * @param queryTile query tokens per tile
 * @param keyTile   key/value tokens per tile
 */
record TiledAttention(int queryTile, int keyTile) {

    /** Configuration key of the query tokens per tile. */
    static final String QUERY_TILE_KEY = "query.tile";
    /** Configuration key of the key/value tokens per tile. */
    static final String KEY_TILE_KEY = "key.tile";
    /** Query tokens per tile when the configuration does not say. */
    static final int QUERY_TILE = 16;
    /** Key/value tokens per tile when the configuration does not say. */
    static final int KEY_TILE = 32;

    TiledAttention {
        if (queryTile < 1 || keyTile < 1) {
            throw new IllegalArgumentException("Tiles hold at least one token: " + QUERY_TILE_KEY + "=" + queryTile
                    + ", " + KEY_TILE_KEY + "=" + keyTile);
        }
    }

    /** @return the tiles the configuration names, the defaults for what it leaves out (never earlier values) */
    static TiledAttention from(Map<String, ?> configuration) {
        return new TiledAttention(size(configuration.get(QUERY_TILE_KEY), QUERY_TILE),
                size(configuration.get(KEY_TILE_KEY), KEY_TILE));
    }

    private static int size(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value).trim());
    }

    /** @return {@code NAME (query tile 16, key tile 32)}, as the providers print themselves */
    String describe(String name) {
        return name + " (query tile " + queryTile + ", key tile " + keyTile + ")";
    }

    float[] compute(AttentionInput input) {
        float[] out = new float[input.query().length];
        for (int kvHead = 0; kvHead < input.kvHeads(); kvHead++) {
            for (int first = 0; first < input.queryTokens(); first += queryTile) {
                int tokens = Math.min(queryTile, input.queryTokens() - first);
                new QueryTile(input, kvHead, first, tokens, keyTile).run(out);
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
        private final int keyTile;
        private final float[] scores;

        QueryTile(AttentionInput input, int kvHead, int firstToken, int tokens, int keyTile) {
            this.keyTile = keyTile;
            this.scores = new float[keyTile];
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
            for (int start = 0; start <= lastKey; start += keyTile) {
                int end = Math.min(start + keyTile, input.keyTokens());
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
