package org.backendregistry.internal.remote;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.mamba.MambaBackend;
import org.backendregistry.mamba.MambaBackendId;

/**
 * What another framework calls for one exported mamba name ({@code mamba:MAMBA2} in
 * {@code export.names}): whatever serves that name here at the moment of the call, as
 * {@link ExportedBackend} does for attention names. Public for the same reason.
 */
public final class ExportedMambaBackend implements MambaBackend {

    private final BackendRegistry registry;
    private final ExportName name;

    ExportedMambaBackend(BackendRegistry registry, String name) {
        this.registry = registry;
        this.name = new ExportName(MambaBackendId.FAMILY, name);
    }

    @Override
    public String name() {
        return name.name();
    }

    @Override
    public BackendCapabilities capabilities() {
        return LocalProvider.serving(registry, MambaBackendId.FAMILY, name, this).capabilities();
    }

    @Override
    public String toString() {
        return "export of " + name;
    }
}
