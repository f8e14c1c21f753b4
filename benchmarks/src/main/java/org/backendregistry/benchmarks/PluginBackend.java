package org.backendregistry.benchmarks;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;

/** A provider that only has to exist: the benchmarks register thousands of them and never compute. */
final class PluginBackend implements AttentionBackend {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU).build();

    private final String name;

    PluginBackend(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        throw new UnsupportedOperationException(name + " is a benchmark placeholder and computes nothing");
    }

    @Override
    public String toString() {
        return "PluginBackend[" + name + "]";
    }
}
