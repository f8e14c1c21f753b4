package org.backendregistry.itests.guarded;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;

/**
 * A DS component serving FLASH_ATTN that fails loudly when it is called after SCR deactivated it, or
 * when it is deactivated while a call runs in it, as a kernel does whose device buffers were freed.
 * Lives only in the throw-away bundle that {@link GuardedBackendBundle} builds.
 */
public class GuardedAttentionBackend implements AttentionBackend {

    /** What a call after deactivation throws, so that the test can recognise it. */
    public static final String DEACTIVATED = "GuardedAttentionBackend was called after its component was deactivated";

    private volatile boolean active;

    /** Called by SCR. */
    public void activate() {
        active = true;
    }

    /** Called by SCR: from now on every call fails. */
    public void deactivate() {
        active = false;
    }

    @Override
    public String name() {
        return "FLASH_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return BackendCapabilities.builder(Platform.CPU).dtypes("float32").build();
    }

    @Override
    public float[] compute(AttentionInput input) {
        if (!active) {
            throw new IllegalStateException(DEACTIVATED);
        }
        float[] out = ReferenceAttention.compute(input);
        if (!active) {
            throw new IllegalStateException(DEACTIVATED + " (during the call)");
        }
        return out;
    }
}
