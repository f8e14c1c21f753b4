package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;

/** A backend whose kernels run on a GPU: it declares its capabilities, and refuses to compute on the JVM. */
abstract class HardwareKernelBackend implements AttentionBackend {

    private final String name;
    private final BackendCapabilities capabilities;

    HardwareKernelBackend(String name, BackendCapabilities capabilities) {
        this.name = name;
        this.capabilities = capabilities;
    }

    /** @return a builder for ROCm capabilities with the given model dtypes */
    static BackendCapabilities.Builder rocm(String... dtypes) {
        return BackendCapabilities.builder(Platform.ROCM).dtypes(dtypes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final BackendCapabilities capabilities() {
        return capabilities;
    }

    /** @throws UnsupportedOperationException always: the message names the platform the kernels need */
    @Override
    public final float[] compute(AttentionInput input) {
        throw capabilities.platform().unavailable(name);
    }
}
