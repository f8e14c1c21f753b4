package org.backendregistry.attention.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backendregistry.api.AttentionType;

/**
 * A request written as text, as operators write it in {@code backend:select} and in the selector's
 * {@value BackendSelector#DEFAULT_REQUEST}: vLLM's field names as {@code key=value}
 * ({@code head_size=128 dtype=bfloat16 block_size=16 use_mla=true ...}), and {@code backend=NAME} for an
 * explicit choice.
 *
 * @param config  the config the text describes
 * @param backend the explicit backend, or {@code null} for the selector's own (configured or automatic)
 */
public record SelectionRequest(AttentionSelectorConfig config, String backend) {

    /** The keys a request may use. */
    public static final String KEYS = "head_size, dtype, kv_cache_dtype, block_size, use_mla, has_sink, use_sparse, "
            + "use_mm_prefix, use_per_head_quant_scales, attn_type, use_non_causal, use_batch_invariant, "
            + "use_kv_connector, backend";

    /**
     * @param text the {@code key=value} pairs, separated by spaces or commas
     * @throws IllegalArgumentException naming the argument that is wrong and what is expected
     */
    public static SelectionRequest parse(String text) {
        return parse(text.trim().split("[\\s,]+"));
    }

    /**
     * @param arguments one {@code key=value} pair each
     * @throws IllegalArgumentException naming the argument that is wrong and what is expected
     */
    public static SelectionRequest parse(String... arguments) {
        Integer headSize = null;
        String dtype = null;
        String backend = null;
        List<String[]> rest = new ArrayList<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("'" + argument + "' is not key=value; keys: " + KEYS);
            }
            String key = argument.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = argument.substring(equals + 1).trim();
            switch (key) {
                case "head_size" -> headSize = number(key, value);
                case "dtype" -> dtype = value;
                case "backend" -> backend = value;
                default -> rest.add(new String[] {key, value});
            }
        }
        if (headSize == null || dtype == null) {
            throw new IllegalArgumentException("head_size and dtype are required, e.g. backend:select head_size=128 "
                    + "dtype=bfloat16; keys: " + KEYS);
        }
        AttentionSelectorConfig.Builder builder = AttentionSelectorConfig.builder(headSize, dtype);
        for (String[] pair : rest) {
            apply(builder, pair[0], pair[1]);
        }
        return new SelectionRequest(builder.build(), backend);
    }

    private static void apply(AttentionSelectorConfig.Builder builder, String key, String value) {
        switch (key) {
            case "kv_cache_dtype" -> builder.kvCacheDtype("none".equalsIgnoreCase(value) ? null : value);
            case "block_size" -> builder.blockSize("none".equalsIgnoreCase(value) ? null : number(key, value));
            case "use_mla" -> builder.useMla(flag(key, value));
            case "has_sink" -> builder.hasSink(flag(key, value));
            case "use_sparse" -> builder.useSparse(flag(key, value));
            case "use_mm_prefix" -> builder.useMmPrefix(flag(key, value));
            case "use_per_head_quant_scales" -> builder.usePerHeadQuantScales(flag(key, value));
            case "attn_type" -> builder.attnType(AttentionType.parse(value));
            case "use_non_causal" -> builder.useNonCausal(flag(key, value));
            case "use_batch_invariant" -> builder.useBatchInvariant(flag(key, value));
            case "use_kv_connector" -> builder.useKvConnector(flag(key, value));
            default -> throw new IllegalArgumentException("Unknown key '" + key + "'; keys: " + KEYS);
        }
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static boolean flag(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        };
    }
}
