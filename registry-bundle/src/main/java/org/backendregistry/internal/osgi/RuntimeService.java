package org.backendregistry.internal.osgi;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.internal.core.RuntimeView;

/** The {@link BackendRegistryRuntime} service: the core's state as DTOs. */
final class RuntimeService implements BackendRegistryRuntime {

    private final RuntimeView view;

    RuntimeService(RuntimeView view) {
        this.view = view;
    }

    @Override
    public RegistryRuntimeDTO getRuntimeDTO() {
        return view.snapshot();
    }
}
