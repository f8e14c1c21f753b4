package org.backendregistry.backends.mamba;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.mamba.MambaBackend;

/** A mamba backend whose Triton/CUDA kernels run on a GPU; it carries its name and capabilities. */
abstract class MambaKernelBackend implements MambaBackend {

    // vLLM's mamba backends keep the AttentionBackend defaults: fp16/bf16 models, an "auto" cache
    private static final BackendCapabilities CUDA_KERNELS = BackendCapabilities.builder(Platform.CUDA)
            .dtypes("float16", "bfloat16")
            .kvCacheDtypes("auto")
            .build();

    private final String name;

    MambaKernelBackend(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final BackendCapabilities capabilities() {
        return CUDA_KERNELS;
    }
}
