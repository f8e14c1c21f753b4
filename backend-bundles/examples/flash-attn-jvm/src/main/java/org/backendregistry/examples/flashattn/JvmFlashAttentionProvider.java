package org.backendregistry.examples.flashattn;

import java.util.Map;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendConstants;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * Extra JVM flash-attention providers made by an operator, without deploying a bundle: each factory
 * configuration of {@value #FACTORY_PID} creates one, under the plugin name its {@code backend.name} gives
 * (a configuration property is a service property), with its own {@code query.tile} and {@code key.tile}.
 * Deleting the configuration removes the provider. A provider made anew starts from its configuration
 * alone: what it does not name takes the defaults, never an earlier provider's values.
 */
@Component(service = AttentionBackend.class, configurationPid = JvmFlashAttentionProvider.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class JvmFlashAttentionProvider implements AttentionBackend {

    /** The factory PID; each of its configurations is one provider. */
    public static final String FACTORY_PID = "org.backendregistry.examples.flashattn.provider";

    private final String name;
    private volatile TiledAttention tiles;

    @Activate
    public JvmFlashAttentionProvider(Map<String, Object> configuration) {
        this.name = String.valueOf(configuration.get(BackendConstants.BACKEND_NAME));
        this.tiles = TiledAttention.from(configuration);
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        tiles = TiledAttention.from(configuration);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendCapabilities capabilities() {
        return JvmFlashAttentionBackend.CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        return tiles.compute(input);
    }

    /** @return {@code JVM_FLASH_TINY (query tile 4, key tile 8)} */
    @Override
    public String toString() {
        return tiles.describe(name);
    }
}
