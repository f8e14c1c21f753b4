package org.backendregistry.examples.custom;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.mamba.MambaBackend;

/**
 * A CUSTOM mamba backend that is deliberately not a DS component: it serves CUSTOM only once someone
 * calls {@code registry.register(MambaBackendId.CUSTOM, "org.backendregistry.examples.custom.CustomMambaBackend")}.
 */
public class CustomMambaBackend implements MambaBackend {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float32")
            .kvCacheDtypes("auto")
            .build();

    /** Public and without arguments, so that the registry can instantiate it from its class name. */
    public CustomMambaBackend() {
    }

    @Override
    public String name() {
        return "CUSTOM";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }
}
