package org.backendregistry.api;

import java.util.Locale;

/**
 * vLLM's {@code AttentionType}: which attention a layer computes. {@link #toString()} is what vLLM prints
 * for a member in its messages ({@code AttentionType.DECODER}); {@link #value()} is the member's value
 * ({@code decoder}).
 */
public enum AttentionType {
    /** Decoder attention between previous layer Q/K/V. */
    DECODER,
    /** Encoder attention between previous layer Q/K/V, for encoder-decoder models. */
    ENCODER,
    /** Encoder attention between previous layer Q/K/V, for encoder-only models. */
    ENCODER_ONLY,
    /** Attention between decoder Q and encoder K/V, for encoder-decoder models. */
    ENCODER_DECODER;

    /** @return vLLM's value, e.g. {@code encoder_only} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a value ({@code encoder_only}) or a printed member ({@code AttentionType.ENCODER_ONLY}),
     *             in any case
     * @return the member
     * @throws IllegalArgumentException naming the valid values when {@code text} is none of them
     */
    public static AttentionType parse(String text) {
        String plain = text.trim().replaceFirst("^AttentionType\\.", "").toUpperCase(Locale.ROOT);
        for (AttentionType type : values()) {
            if (type.name().equals(plain)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown attention type: '" + text
                + "'. Valid options are: decoder, encoder, encoder_only, encoder_decoder");
    }

    /** @return {@code AttentionType.DECODER}, as vLLM's f-strings print a member */
    @Override
    public String toString() {
        return "AttentionType." + name();
    }
}
