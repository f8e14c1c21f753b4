package org.backendregistry.api;

import java.util.Locale;

/** The hardware a backend's kernels need. */
public enum Platform {
    /** Any JVM: the backend computes on the CPU. */
    CPU,
    /** NVIDIA GPUs through CUDA. */
    CUDA,
    /** AMD GPUs through ROCm. */
    ROCM,
    /** Google TPUs. */
    TPU,
    /** Intel GPUs (XPU). */
    XPU;

    /** @return the lower-case name vLLM uses, e.g. {@code "cuda"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
