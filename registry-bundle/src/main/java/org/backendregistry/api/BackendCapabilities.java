package org.backendregistry.api;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a backend declares about itself, as vLLM's {@code AttentionBackend} class does: the platform its
 * kernels need, data types, kv-cache data types, head sizes (a list, empty meaning any, and a lower bound
 * for kernels that take every head size from some size on), kernel block sizes, MLA or not, sparse or not,
 * attention sinks, attention types, a compute capability range, non-causal attention and vLLM's further
 * flags, and the backend's combination rules ({@link CombinationRule}). An immutable value built with {@link #builder(Platform)}; each builder default is vLLM's base-class
 * default ({@code vllm/v1/attention/backend.py} at commit 0014ca6b9929614f1b72c4bb11e5238de49cba89). New fields are added here rather than as SPI methods, so existing backend
 * bundles keep working. Serializable, so a backend used through OSGi Remote Services (Java serialization
 * over the wire) can answer {@code capabilities()}. The {@code supports...} queries answer as vLLM's classmethods of the same names.
 */
public final class BackendCapabilities implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final Set<String> dtypes;
    private final Set<String> kvCacheDtypes;
    private final Set<Integer> headSizes;
    private final int minHeadSize;
    private final List<KernelBlockSize> kernelBlockSizes;
    private final Set<AttentionType> attentionTypes;
    private final ComputeCapability minComputeCapability;
    private final ComputeCapability maxComputeCapability;
    private final boolean mla;
    private final boolean sparse;
    private final boolean sink;
    private final boolean mmPrefix;
    private final boolean perHeadQuantScales;
    private final boolean nonCausal;
    private final boolean batchInvariance;
    private final boolean kvConnector;
    private final List<CombinationRule> combinationRules;

    private BackendCapabilities(Builder b) {
        this.platform = b.platform;
        this.dtypes = Set.copyOf(b.dtypes);
        this.kvCacheDtypes = Set.copyOf(b.kvCacheDtypes);
        this.headSizes = Set.copyOf(b.headSizes);
        this.minHeadSize = b.minHeadSize;
        this.kernelBlockSizes = List.copyOf(b.kernelBlockSizes);
        this.attentionTypes = Set.copyOf(b.attentionTypes);
        this.minComputeCapability = b.minComputeCapability;
        this.maxComputeCapability = b.maxComputeCapability;
        this.mla = b.mla;
        this.sparse = b.sparse;
        this.sink = b.sink;
        this.mmPrefix = b.mmPrefix;
        this.perHeadQuantScales = b.perHeadQuantScales;
        this.nonCausal = b.nonCausal;
        this.batchInvariance = b.batchInvariance;
        this.kvConnector = b.kvConnector;
        this.combinationRules = List.copyOf(b.combinationRules);
    }

    /** @return a builder for a backend whose kernels run on {@code platform} */
    public static Builder builder(Platform platform) {
        return new Builder(Objects.requireNonNull(platform, "platform"));
    }

    /** @return the platform the kernels need */
    public Platform platform() { return platform; }
    /** @return supported model data types, e.g. {@code float16}, {@code bfloat16}, {@code float32} */
    public Set<String> dtypes() { return dtypes; }
    /** @return supported kv-cache data types, e.g. {@code auto}, {@code fp8}; empty means any */
    public Set<String> kvCacheDtypes() { return kvCacheDtypes; }
    /** @return supported head sizes; empty means any */
    public Set<Integer> headSizes() { return headSizes; }
    /** @return the smallest supported head size (vLLM's Triton kernels: {@code head_size >= 32}); 0: no bound */
    public int minHeadSize() { return minHeadSize; }
    /** @return the kernel block sizes, vLLM's {@code get_supported_kernel_block_sizes()}; empty means any */
    public List<KernelBlockSize> kernelBlockSizes() { return kernelBlockSizes; }
    /** @return the supported attention types (vLLM's default: decoder only) */
    public Set<AttentionType> attentionTypes() { return attentionTypes; }
    /** @return the lowest supported compute capability, {@link ComputeCapability#MIN} when unbounded */
    public ComputeCapability minComputeCapability() { return minComputeCapability; }
    /** @return the highest supported compute capability (inclusive), {@link ComputeCapability#MAX} when unbounded */
    public ComputeCapability maxComputeCapability() { return maxComputeCapability; }
    /** @return whether this is a multi-head latent attention (MLA) backend */
    public boolean isMla() { return mla; }
    /** @return whether this backend implements sparse attention */
    public boolean isSparse() { return sparse; }
    /** @return whether attention sinks are supported */
    public boolean supportsSink() { return sink; }
    /** @return whether partial multimodal token full attention (mm prefix) is supported */
    public boolean supportsMmPrefix() { return mmPrefix; }
    /** @return whether per-head quantization scales are supported */
    public boolean supportsPerHeadQuantScales() { return perHeadQuantScales; }
    /** @return whether non-causal (bidirectional) attention in the decoder path is supported */
    public boolean supportsNonCausal() { return nonCausal; }
    /** @return whether batch-invariant kernels are available */
    public boolean supportsBatchInvariance() { return batchInvariance; }
    /** @return whether a KV connector may be used (vLLM's default: yes) */
    public boolean supportsKvConnector() { return kvConnector; }
    /** @return vLLM's {@code supports_combination} rules, checked in this order; empty: none (vLLM's default) */
    public List<CombinationRule> combinationRules() { return combinationRules; }
    /** @return whether the head size is supported: in the list (if any) and not below the lower bound */
    public boolean supportsHeadSize(int headSize) {
        return (headSizes.isEmpty() || headSizes.contains(headSize)) && headSize >= minHeadSize;
    }
    /** @return whether the model data type is supported; a {@code torch.} prefix is ignored */
    public boolean supportsDtype(String dtype) {
        return dtypes.contains(dtype.replaceFirst("^torch\\.", ""));
    }
    /** @return whether the kv-cache data type is supported; {@code null} (not given) always is */
    public boolean supportsKvCacheDtype(String kvCacheDtype) {
        return kvCacheDtype == null || kvCacheDtypes.isEmpty() || kvCacheDtypes.contains(kvCacheDtype);
    }
    /** @return whether the framework block size fits a kernel block size; {@code null} (any) always does */
    public boolean supportsBlockSize(Integer blockSize) {
        return blockSize == null || kernelBlockSizes.isEmpty()
                || kernelBlockSizes.stream().anyMatch(size -> size.fits(blockSize));
    }
    /** @return whether the attention type is supported */
    public boolean supportsAttentionType(AttentionType type) {
        return attentionTypes.contains(type);
    }
    /** @return whether the device's capability is in range; {@code null} (no GPU, e.g. cpu) always is */
    public boolean supportsComputeCapability(ComputeCapability capability) {
        return capability == null || (capability.compareTo(minComputeCapability) >= 0
                && capability.compareTo(maxComputeCapability) <= 0);
    }

    private List<Object> fields() {
        return Arrays.asList(platform, dtypes, kvCacheDtypes, headSizes, minHeadSize, kernelBlockSizes, attentionTypes,
                minComputeCapability, maxComputeCapability, mla, sparse, sink, mmPrefix, perHeadQuantScales,
                nonCausal, batchInvariance, kvConnector, combinationRules);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackendCapabilities that && fields().equals(that.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    @Override
    public String toString() {
        return "platform=" + platform.label() + ", dtypes=" + new TreeSet<>(dtypes) + ", kvCacheDtypes="
                + new TreeSet<>(kvCacheDtypes) + ", headSizes=" + (headSizes.isEmpty() ? "any" : new TreeSet<>(headSizes))
                + (minHeadSize > 0 ? " from " + minHeadSize : "")
                + ", kernelBlockSizes=" + kernelBlockSizes + ", attentionTypes=" + new TreeSet<>(attentionTypes)
                + ", computeCapability=" + minComputeCapability + ".." + maxComputeCapability + ", mla=" + mla
                + ", sparse=" + sparse + ", sink=" + sink + ", mmPrefix=" + mmPrefix + ", perHeadQuantScales="
                + perHeadQuantScales + ", nonCausal=" + nonCausal + ", batchInvariance=" + batchInvariance
                + ", kvConnector=" + kvConnector + (combinationRules.isEmpty() ? "" : ", combinationRules=" + combinationRules);
    }

    /** Builds {@link BackendCapabilities}; every setter returns this builder. */
    public static final class Builder {
        private final Platform platform;
        private Set<String> dtypes = Set.of("float16", "bfloat16");
        private Set<String> kvCacheDtypes = Set.of("auto", "float16", "bfloat16");
        private Set<Integer> headSizes = Set.of();
        private int minHeadSize;
        private List<KernelBlockSize> kernelBlockSizes = List.of(KernelBlockSize.ANY);
        private Set<AttentionType> attentionTypes = Set.of(AttentionType.DECODER);
        private ComputeCapability minComputeCapability = ComputeCapability.MIN;
        private ComputeCapability maxComputeCapability = ComputeCapability.MAX;
        private boolean mla;
        private boolean sparse;
        private boolean sink;
        private boolean mmPrefix;
        private boolean perHeadQuantScales;
        private boolean nonCausal;
        private boolean batchInvariance;
        private boolean kvConnector = true;
        private List<CombinationRule> combinationRules = List.of();

        private Builder(Platform platform) {
            this.platform = platform;
        }

        /** The supported data types (default {@code float16, bfloat16}). */
        public Builder dtypes(String... values) { this.dtypes = Set.of(values); return this; }

        /** The supported kv-cache data types (default {@code auto, float16, bfloat16}; none given means any). */
        public Builder kvCacheDtypes(String... values) { this.kvCacheDtypes = Set.of(values); return this; }

        /** The supported head sizes (default: none given, meaning any). */
        public Builder headSizes(Integer... values) { this.headSizes = Set.of(values); return this; }

        /** The smallest supported head size (default 0: no bound); with {@link #headSizes} both must hold. */
        public Builder minHeadSize(int value) { this.minHeadSize = Math.max(0, value); return this; }

        /** The kernel block sizes (default {@code MultipleOf(1)}; none given means any). */
        public Builder kernelBlockSizes(KernelBlockSize... values) { this.kernelBlockSizes = List.of(values); return this; }

        /** The supported attention types (default: decoder). */
        public Builder attentionTypes(AttentionType... values) {
            this.attentionTypes = values.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(values));
            return this;
        }

        /** The supported compute capabilities, both bounds inclusive (default: any). */
        public Builder computeCapabilities(ComputeCapability min, ComputeCapability max) {
            this.minComputeCapability = Objects.requireNonNull(min, "min");
            this.maxComputeCapability = Objects.requireNonNull(max, "max");
            return this;
        }

        /** Marked as an MLA backend (default: not). */
        public Builder mla(boolean value) { this.mla = value; return this; }

        /** Marked as a sparse backend (default: not). */
        public Builder sparse(boolean value) { this.sparse = value; return this; }

        /** Whether attention sinks are supported (default: no). */
        public Builder sink(boolean value) { this.sink = value; return this; }

        /** Whether partial multimodal token full attention is supported (default: no). */
        public Builder mmPrefix(boolean value) { this.mmPrefix = value; return this; }

        /** Whether per-head quantization scales are supported (default: no). */
        public Builder perHeadQuantScales(boolean value) { this.perHeadQuantScales = value; return this; }

        /** Whether non-causal attention is supported (default: no). */
        public Builder nonCausal(boolean value) { this.nonCausal = value; return this; }

        /** Whether batch-invariant kernels are available (default: no). */
        public Builder batchInvariance(boolean value) { this.batchInvariance = value; return this; }

        /** Whether a KV connector may be used (default: yes). */
        public Builder kvConnector(boolean value) { this.kvConnector = value; return this; }

        /** vLLM's {@code supports_combination} rules, first match wins (default: none). */
        public Builder combinationRules(CombinationRule... values) { this.combinationRules = List.of(values); return this; }

        /** @return the immutable capabilities */
        public BackendCapabilities build() {
            return new BackendCapabilities(this);
        }
    }
}
