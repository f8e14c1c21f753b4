package org.backendregistry.attention;

import java.io.Serializable;

/**
 * One scaled dot-product attention problem over row-major float arrays. The query is
 * {@code queryTokens × heads × headSize}; key and value are {@code keyTokens × kvHeads × headSize}.
 * With grouped-query attention {@code heads} is a multiple of {@code kvHeads} and query head {@code h}
 * reads kv head {@code h / (heads / kvHeads)}. With a causal mask, query token {@code i} sees the keys
 * up to {@code i + keyTokens - queryTokens} (the queries are the last tokens of the sequence).
 *
 * <p>
 * Serializable, so {@code compute} works through an OSGi Remote Services proxy (Aries RSA's tcp provider
 * sends arguments with Java serialization). A record is deserialized through its canonical constructor,
 * so an input read from the wire is checked like one built here.
 *
 * @param query       the queries
 * @param key         the keys
 * @param value       the values
 * @param queryTokens the number of query tokens
 * @param keyTokens   the number of key/value tokens
 * @param heads       the number of query heads
 * @param kvHeads     the number of key/value heads
 * @param headSize    the size of each head
 * @param causal      whether the causal mask applies
 * @param scale       the factor applied to each dot product, usually {@code 1/sqrt(headSize)}
 */
public record AttentionInput(float[] query, float[] key, float[] value, int queryTokens, int keyTokens, int heads,
        int kvHeads, int headSize, boolean causal, float scale) implements Serializable {

    /** Checks that the shapes agree; the message names the array or count that is wrong. */
    public AttentionInput {
        if (query == null || key == null || value == null) {
            throw new IllegalArgumentException("query, key and value must not be null");
        }
        if (queryTokens <= 0 || keyTokens <= 0 || heads <= 0 || kvHeads <= 0 || headSize <= 0) {
            throw new IllegalArgumentException("token, head and head-size counts must be positive, got queryTokens="
                    + queryTokens + ", keyTokens=" + keyTokens + ", heads=" + heads + ", kvHeads=" + kvHeads
                    + ", headSize=" + headSize);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must be a multiple of kvHeads (" + kvHeads + ")");
        }
        if (causal && keyTokens < queryTokens) {
            throw new IllegalArgumentException("a causal mask needs keyTokens (" + keyTokens
                    + ") >= queryTokens (" + queryTokens + ")");
        }
        checkLength("query", query, queryTokens * heads * headSize);
        checkLength("key", key, keyTokens * kvHeads * headSize);
        checkLength("value", value, keyTokens * kvHeads * headSize);
    }

    /**
     * A problem with as many key tokens as query tokens and the usual scale {@code 1/sqrt(headSize)}.
     */
    public static AttentionInput of(float[] query, float[] key, float[] value, int tokens, int heads, int kvHeads,
            int headSize, boolean causal) {
        return new AttentionInput(query, key, value, tokens, tokens, heads, kvHeads, headSize, causal,
                (float) (1.0 / Math.sqrt(headSize)));
    }

    /** @return how many query heads share one kv head */
    public int queriesPerKvHead() {
        return heads / kvHeads;
    }

    /** @return the last key index query token {@code token} may see (inclusive) */
    public int lastVisibleKey(int token) {
        return causal ? token + keyTokens - queryTokens : keyTokens - 1;
    }

    private static void checkLength(String name, float[] array, int expected) {
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has " + array.length + " elements but the shape needs "
                    + expected);
        }
    }
}
