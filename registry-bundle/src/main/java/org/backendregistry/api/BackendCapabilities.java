package org.backendregistry.api;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a backend declares about itself, as vLLM's backends do: the platform its kernels need, the data
 * types and kv-cache data types it supports, its head sizes (empty means any), and whether it is an
 * MLA or a sparse backend. An immutable value built with {@link #builder(Platform)}; new fields are
 * added here rather than as SPI methods, so existing backend bundles keep working. Serializable, so a
 * backend used through OSGi Remote Services (Java serialization over the wire) can answer
 * {@code capabilities()}.
 */
public final class BackendCapabilities implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final Set<String> dtypes;
    private final Set<String> kvCacheDtypes;
    private final Set<Integer> headSizes;
    private final boolean mla;
    private final boolean sparse;

    private BackendCapabilities(Builder builder) {
        this.platform = builder.platform;
        this.dtypes = Set.copyOf(builder.dtypes);
        this.kvCacheDtypes = Set.copyOf(builder.kvCacheDtypes);
        this.headSizes = Set.copyOf(builder.headSizes);
        this.mla = builder.mla;
        this.sparse = builder.sparse;
    }

    /** @return a builder for a backend whose kernels run on {@code platform} */
    public static Builder builder(Platform platform) {
        return new Builder(Objects.requireNonNull(platform, "platform"));
    }

    /** @return the platform the kernels need */
    public Platform platform() {
        return platform;
    }

    /** @return supported model data types, e.g. {@code float16}, {@code bfloat16}, {@code float32} */
    public Set<String> dtypes() {
        return dtypes;
    }

    /** @return supported kv-cache data types, e.g. {@code auto}, {@code fp8} */
    public Set<String> kvCacheDtypes() {
        return kvCacheDtypes;
    }

    /** @return supported head sizes; empty means any */
    public Set<Integer> headSizes() {
        return headSizes;
    }

    /** @return whether the head size is supported */
    public boolean supportsHeadSize(int headSize) {
        return headSizes.isEmpty() || headSizes.contains(headSize);
    }

    /** @return whether this is a multi-head latent attention (MLA) backend */
    public boolean isMla() {
        return mla;
    }

    /** @return whether this backend implements sparse attention */
    public boolean isSparse() {
        return sparse;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackendCapabilities that && platform == that.platform && dtypes.equals(that.dtypes)
                && kvCacheDtypes.equals(that.kvCacheDtypes) && headSizes.equals(that.headSizes) && mla == that.mla
                && sparse == that.sparse;
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, dtypes, kvCacheDtypes, headSizes, mla, sparse);
    }

    @Override
    public String toString() {
        return "platform=" + platform.label() + ", dtypes=" + new TreeSet<>(dtypes) + ", kvCacheDtypes="
                + new TreeSet<>(kvCacheDtypes) + ", headSizes=" + (headSizes.isEmpty() ? "any" : new TreeSet<>(headSizes))
                + ", mla=" + mla + ", sparse=" + sparse;
    }

    /** Builds {@link BackendCapabilities}. */
    public static final class Builder {
        private final Platform platform;
        private Set<String> dtypes = Set.of();
        private Set<String> kvCacheDtypes = Set.of("auto");
        private Set<Integer> headSizes = Set.of();
        private boolean mla;
        private boolean sparse;

        private Builder(Platform platform) {
            this.platform = platform;
        }

        /** @return this, with the supported data types */
        public Builder dtypes(String... values) {
            this.dtypes = Set.of(values);
            return this;
        }

        /** @return this, with the supported kv-cache data types (default {@code auto}) */
        public Builder kvCacheDtypes(String... values) {
            this.kvCacheDtypes = Set.of(values);
            return this;
        }

        /** @return this, with the supported head sizes (none given means any) */
        public Builder headSizes(Integer... values) {
            this.headSizes = Set.of(values);
            return this;
        }

        /** @return this, marked as an MLA backend */
        public Builder mla(boolean value) {
            this.mla = value;
            return this;
        }

        /** @return this, marked as a sparse backend */
        public Builder sparse(boolean value) {
            this.sparse = value;
            return this;
        }

        /** @return the immutable capabilities */
        public BackendCapabilities build() {
            return new BackendCapabilities(this);
        }
    }
}
