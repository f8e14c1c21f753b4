package org.backendregistry.itests;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;

/**
 * An attention backend that a test registers itself, told apart from others by its label. It computes
 * with the reference implementation.
 */
public class TestAttentionBackend implements AttentionBackend {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float32")
            .build();

    private final String name;
    private final String label;

    /** A FLASH_ATTN backend labelled by its class name, for {@code register(id, Class)}. */
    public TestAttentionBackend() {
        this("FLASH_ATTN", TestAttentionBackend.class.getSimpleName());
    }

    /**
     * @param name  the name it reports from {@link #name()}
     * @param label how the test tells it apart in failure messages
     */
    public TestAttentionBackend(String name, String label) {
        this.name = name;
        this.label = label;
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
        return ReferenceAttention.compute(input);
    }

    @Override
    public String toString() {
        return label;
    }
}
