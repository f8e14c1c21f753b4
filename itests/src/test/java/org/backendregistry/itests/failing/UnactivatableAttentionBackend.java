package org.backendregistry.itests.failing;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;

/**
 * A DS component serving TRITON_ATTN whose activate method throws, as a backend does when the device
 * or native library it needs is missing. Lives only in the throw-away bundle that
 * {@link UnactivatableBackendBundle} builds.
 */
public class UnactivatableAttentionBackend implements AttentionBackend {

    /** What activate throws, so that the test can recognise it. */
    public static final String FAILURE = "no device for TRITON_ATTN on this machine";

    /** Called by SCR; always fails. */
    public void activate() {
        throw new IllegalStateException(FAILURE);
    }

    @Override
    public String name() {
        return "TRITON_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return BackendCapabilities.builder(Platform.CPU).dtypes("float32").build();
    }

    @Override
    public float[] compute(AttentionInput input) {
        throw new IllegalStateException(FAILURE);
    }
}
