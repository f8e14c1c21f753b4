package org.backendregistry.examples.flashattn;

import java.util.Map;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * An override of FLASH_ATTN that computes on the JVM with {@link TiledAttention}. Its tile sizes come
 * from its own configuration PID {@value #PID} ({@code query.tile}, {@code key.tile}); an update applies
 * in place ({@code @Modified}), so the service keeps its registration and its place in the registry.
 */
@Component(service = AttentionBackend.class, configurationPid = JvmFlashAttentionBackend.PID)
@BackendName("FLASH_ATTN")
public class JvmFlashAttentionBackend implements AttentionBackend {

    /** The configuration PID of this override's tuning. */
    public static final String PID = "org.backendregistry.examples.flashattn";

    /** Query tokens per tile by default. */
    static final int QUERY_TILE = TiledAttention.QUERY_TILE;
    /** Key/value tokens per tile by default. */
    static final int KEY_TILE = TiledAttention.KEY_TILE;

    // the SPI hands over float arrays, so float32 is what this backend computes in
    static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float32")
            .kvCacheDtypes("auto")
            .build();

    private volatile TiledAttention tiles = TiledAttention.from(Map.of());

    @Activate
    @Modified
    void configure(Map<String, Object> configuration) {
        tiles = TiledAttention.from(configuration);
    }

    @Override
    public String name() {
        return "FLASH_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        return tiles.compute(input);
    }

    /** @return {@code FLASH_ATTN (query tile 16, key tile 32)} */
    @Override
    public String toString() {
        return tiles.describe(name());
    }
}
