package org.backendregistry.attention.select;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.backendregistry.api.AttentionType;

/**
 * What a model layer needs from an attention backend: vLLM's {@code AttentionSelectorConfig}, field for
 * field. Immutable, equal when every field is, built with {@link #builder(int, String)}. Its
 * {@link #toString()} is vLLM's repr, so messages read as vLLM's do:
 * {@code AttentionSelectorConfig(head_size=128, dtype=torch.bfloat16, kv_cache_dtype=auto, block_size=None, use_mla=False, ...)}.
 */
public final class AttentionSelectorConfig {

    private final int headSize;
    private final String dtype;
    private final String kvCacheDtype;
    private final Integer blockSize;
    private final boolean useMla;
    private final boolean hasSink;
    private final boolean useSparse;
    private final boolean useMmPrefix;
    private final boolean usePerHeadQuantScales;
    private final AttentionType attnType;
    private final boolean useNonCausal;
    private final boolean useBatchInvariant;
    private final boolean useKvConnector;
    private final int hash;

    private AttentionSelectorConfig(Builder b) {
        this.headSize = b.headSize;
        this.dtype = b.dtype;
        this.kvCacheDtype = b.kvCacheDtype;
        this.blockSize = b.blockSize;
        this.useMla = b.useMla;
        this.hasSink = b.hasSink;
        this.useSparse = b.useSparse;
        this.useMmPrefix = b.useMmPrefix;
        this.usePerHeadQuantScales = b.usePerHeadQuantScales;
        this.attnType = b.attnType;
        this.useNonCausal = b.useNonCausal;
        this.useBatchInvariant = b.useBatchInvariant;
        this.useKvConnector = b.useKvConnector;
        this.hash = fields().hashCode();
    }

    /**
     * @param headSize the head size
     * @param dtype    the model data type, {@code bfloat16} or {@code torch.bfloat16}
     * @return a builder with vLLM's defaults: kv_cache_dtype {@code auto}, any block size, decoder attention,
     *         every flag false
     */
    public static Builder builder(int headSize, String dtype) {
        return new Builder(headSize, dtype);
    }

    /** @return a builder holding this config's values */
    public Builder toBuilder() {
        return builder(headSize, dtype).kvCacheDtype(kvCacheDtype).blockSize(blockSize).useMla(useMla)
                .hasSink(hasSink).useSparse(useSparse).useMmPrefix(useMmPrefix)
                .usePerHeadQuantScales(usePerHeadQuantScales).attnType(attnType).useNonCausal(useNonCausal)
                .useBatchInvariant(useBatchInvariant).useKvConnector(useKvConnector);
    }

    /** @return the head size */
    public int headSize() { return headSize; }

    /** @return the model data type without the {@code torch.} prefix, e.g. {@code bfloat16} */
    public String dtype() { return dtype; }

    /** @return the kv-cache data type, e.g. {@code auto}, {@code fp8}; {@code null} when not given */
    public String kvCacheDtype() { return kvCacheDtype; }

    /** @return the framework block size; {@code null} means any (vLLM's {@code None}) */
    public Integer blockSize() { return blockSize; }

    /** @return whether the layer is multi-head latent attention */
    public boolean useMla() { return useMla; }

    /** @return whether the layer uses attention sinks */
    public boolean hasSink() { return hasSink; }

    /** @return whether the layer uses sparse attention */
    public boolean useSparse() { return useSparse; }

    /** @return whether the layer uses partial multimodal token full attention */
    public boolean useMmPrefix() { return useMmPrefix; }

    /** @return whether the layer uses per-head quantization scales */
    public boolean usePerHeadQuantScales() { return usePerHeadQuantScales; }

    /** @return the attention type */
    public AttentionType attnType() { return attnType; }

    /** @return whether the decoder attention is non-causal */
    public boolean useNonCausal() { return useNonCausal; }

    /** @return whether batch-invariant kernels are required */
    public boolean useBatchInvariant() { return useBatchInvariant; }

    /** @return whether a KV connector is used */
    public boolean useKvConnector() { return useKvConnector; }

    private List<Object> fields() {
        return Arrays.asList(headSize, dtype, kvCacheDtype, blockSize, useMla, hasSink, useSparse, useMmPrefix,
                usePerHeadQuantScales, attnType, useNonCausal, useBatchInvariant, useKvConnector);
    }

    // compared field by field, without allocating: an equal config is the cache key of every select
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AttentionSelectorConfig that && hash == that.hash
                && headSize == that.headSize && useMla == that.useMla && hasSink == that.hasSink
                && useSparse == that.useSparse && useMmPrefix == that.useMmPrefix
                && usePerHeadQuantScales == that.usePerHeadQuantScales && attnType == that.attnType
                && useNonCausal == that.useNonCausal && useBatchInvariant == that.useBatchInvariant
                && useKvConnector == that.useKvConnector && dtype.equals(that.dtype)
                && Objects.equals(kvCacheDtype, that.kvCacheDtype) && Objects.equals(blockSize, that.blockSize);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** @return vLLM's repr, e.g. {@code AttentionSelectorConfig(head_size=128, dtype=torch.bfloat16, ...)} */
    @Override
    public String toString() {
        return "AttentionSelectorConfig(head_size=" + headSize + ", dtype=torch." + dtype + ", kv_cache_dtype="
                + py(kvCacheDtype) + ", block_size=" + py(blockSize) + ", use_mla=" + py(useMla) + ", has_sink="
                + py(hasSink) + ", use_sparse=" + py(useSparse) + ", use_mm_prefix=" + py(useMmPrefix)
                + ", use_per_head_quant_scales=" + py(usePerHeadQuantScales) + ", attn_type=" + attnType
                + ", use_non_causal=" + py(useNonCausal) + ", use_batch_invariant=" + py(useBatchInvariant)
                + ", use_kv_connector=" + py(useKvConnector) + ")";
    }

    private static String py(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        return value.toString();
    }

    /** Builds {@link AttentionSelectorConfig}; every setter returns this builder. */
    public static final class Builder {
        private final int headSize;
        private final String dtype;
        private String kvCacheDtype = "auto";
        private Integer blockSize;
        private boolean useMla;
        private boolean hasSink;
        private boolean useSparse;
        private boolean useMmPrefix;
        private boolean usePerHeadQuantScales;
        private AttentionType attnType = AttentionType.DECODER;
        private boolean useNonCausal;
        private boolean useBatchInvariant;
        private boolean useKvConnector;

        private Builder(int headSize, String dtype) {
            if (headSize < 1) {
                throw new IllegalArgumentException("head_size must be positive, not " + headSize);
            }
            this.headSize = headSize;
            this.dtype = Objects.requireNonNull(dtype, "dtype").trim().replaceFirst("^torch\\.", "");
        }

        /** The kv-cache data type (default {@code auto}; {@code null}: not given). */
        public Builder kvCacheDtype(String value) { this.kvCacheDtype = value; return this; }

        /** The framework block size (default {@code null}: any). */
        public Builder blockSize(Integer value) {
            if (value != null && value < 1) {
                throw new IllegalArgumentException("block_size must be positive, not " + value);
            }
            this.blockSize = value;
            return this;
        }

        /** Whether the layer is MLA. */
        public Builder useMla(boolean value) { this.useMla = value; return this; }

        /** Whether the layer uses attention sinks. */
        public Builder hasSink(boolean value) { this.hasSink = value; return this; }

        /** Whether the layer uses sparse attention. */
        public Builder useSparse(boolean value) { this.useSparse = value; return this; }

        /** Whether the layer uses partial multimodal token full attention. */
        public Builder useMmPrefix(boolean value) { this.useMmPrefix = value; return this; }

        /** Whether the layer uses per-head quantization scales. */
        public Builder usePerHeadQuantScales(boolean value) { this.usePerHeadQuantScales = value; return this; }

        /** The attention type (default decoder). */
        public Builder attnType(AttentionType value) { this.attnType = Objects.requireNonNull(value, "attnType"); return this; }

        /** Whether the decoder attention is non-causal. */
        public Builder useNonCausal(boolean value) { this.useNonCausal = value; return this; }

        /** Whether batch-invariant kernels are required. */
        public Builder useBatchInvariant(boolean value) { this.useBatchInvariant = value; return this; }

        /** Whether a KV connector is used. */
        public Builder useKvConnector(boolean value) { this.useKvConnector = value; return this; }

        /** @return the immutable config */
        public AttentionSelectorConfig build() {
            return new AttentionSelectorConfig(this);
        }
    }
}
