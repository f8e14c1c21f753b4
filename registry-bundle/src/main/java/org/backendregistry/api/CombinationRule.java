package org.backendregistry.api;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One rule of a backend's {@code supports_combination} in vLLM ({@code vllm/v1/attention/backend.py}): a
 * combination of config values and device that each pass the single checks but that the kernels still cannot
 * serve, with vLLM's reason text, e.g. FLASH_ATTN's {@code sink not supported on compute capability < 9.0}.
 * A rule matches when every condition it sets holds; a condition left unset matches anything. An immutable,
 * serializable value (rules travel inside {@link BackendCapabilities}), built with {@link #when()}.
 */
public final class CombinationRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Boolean hasSink;
    private final Boolean useSparse;
    private final Set<Integer> headSizes;
    private final Set<String> kvCacheDtypes;
    private final ComputeCapability below;
    private final ComputeCapability from;
    private final String reason;

    private CombinationRule(Builder b, String reason) {
        this.hasSink = b.hasSink;
        this.useSparse = b.useSparse;
        this.headSizes = Set.copyOf(b.headSizes);
        this.kvCacheDtypes = Set.copyOf(b.kvCacheDtypes);
        this.below = b.below;
        this.from = b.from;
        this.reason = reason;
    }

    /** @return a builder for a rule; set its conditions, then {@link Builder#reason(String)} */
    public static Builder when() {
        return new Builder();
    }

    /** @return vLLM's reason text, reported among the candidate's reasons when the rule matches */
    public String reason() {
        return reason;
    }

    /**
     * @param headSize     the config's head size
     * @param kvCacheDtype the config's kv-cache data type, {@code null} when not given
     * @param hasSink      whether the layer uses attention sinks
     * @param useSparse    whether the layer uses sparse attention
     * @param device       the device's compute capability, {@code null} when it has none (cpu)
     * @return whether every condition holds; a condition on the compute capability never holds without one,
     *         as vLLM asks these rules of GPU backends only
     */
    public boolean matches(int headSize, String kvCacheDtype, boolean hasSink, boolean useSparse,
            ComputeCapability device) {
        return (this.hasSink == null || this.hasSink == hasSink)
                && (this.useSparse == null || this.useSparse == useSparse)
                && (headSizes.isEmpty() || headSizes.contains(headSize))
                && (kvCacheDtypes.isEmpty() || kvCacheDtypes.contains(kvCacheDtype))
                && (below == null || device != null && device.compareTo(below) < 0)
                && (from == null || device != null && device.compareTo(from) >= 0);
    }

    private List<Object> fields() {
        return Arrays.asList(hasSink, useSparse, headSizes, kvCacheDtypes, below, from, reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CombinationRule that && fields().equals(that.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    /** @return e.g. {@code [has_sink=true, compute capability < 9.0] -> sink not supported on compute capability < 9.0} */
    @Override
    public String toString() {
        StringBuilder conditions = new StringBuilder();
        append(conditions, hasSink == null ? null : "has_sink=" + hasSink);
        append(conditions, useSparse == null ? null : "use_sparse=" + useSparse);
        append(conditions, headSizes.isEmpty() ? null : "head_size in " + new TreeSet<>(headSizes));
        append(conditions, kvCacheDtypes.isEmpty() ? null : "kv_cache_dtype in " + new TreeSet<>(kvCacheDtypes));
        append(conditions, below == null ? null : "compute capability < " + below);
        append(conditions, from == null ? null : "compute capability >= " + from);
        return "[" + conditions + "] -> " + reason;
    }

    private static void append(StringBuilder conditions, String condition) {
        if (condition != null) {
            conditions.append(conditions.length() == 0 ? "" : ", ").append(condition);
        }
    }

    /** Builds a {@link CombinationRule}; every condition setter returns this builder. */
    public static final class Builder {
        private Boolean hasSink;
        private Boolean useSparse;
        private Set<Integer> headSizes = Set.of();
        private Set<String> kvCacheDtypes = Set.of();
        private ComputeCapability below;
        private ComputeCapability from;

        private Builder() {
        }

        /** Matches only when the layer's {@code has_sink} is {@code value}. */
        public Builder hasSink(boolean value) { this.hasSink = value; return this; }

        /** Matches only when the layer's {@code use_sparse} is {@code value}. */
        public Builder useSparse(boolean value) { this.useSparse = value; return this; }

        /** Matches only these head sizes. */
        public Builder headSizes(Integer... values) { this.headSizes = Set.of(values); return this; }

        /** Matches only these kv-cache data types, e.g. {@code fp8}. */
        public Builder kvCacheDtypes(String... values) { this.kvCacheDtypes = Set.of(values); return this; }

        /** Matches only devices below this compute capability (vLLM's {@code device_capability < ...}). */
        public Builder computeCapabilityBelow(ComputeCapability value) {
            this.below = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Matches only devices at or above this compute capability. */
        public Builder computeCapabilityFrom(ComputeCapability value) {
            this.from = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param text vLLM's reason text, word for word
         * @return the immutable rule
         */
        public CombinationRule reason(String text) {
            if (Objects.requireNonNull(text, "text").isBlank()) {
                throw new IllegalArgumentException("a combination rule needs vLLM's reason text");
            }
            return new CombinationRule(this, text);
        }
    }
}
