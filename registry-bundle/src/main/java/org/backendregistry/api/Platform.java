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

    /**
     * The error a backend throws when asked to compute on a JVM that lacks this platform, e.g.
     * {@code FLASH_ATTN needs a cuda device: its kernels do not run on the JVM. ...}.
     *
     * @param backendName the name of the backend that cannot compute
     */
    public UnsupportedOperationException unavailable(String backendName) {
        return new UnsupportedOperationException(backendName + " needs a " + label()
                + " device: its kernels do not run on the JVM. Use CPU_ATTN, or deploy an override of "
                + backendName + " that computes on the JVM.");
    }
}
