package org.backendregistry.backends.mamba;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.mamba.MambaBackend;
import org.osgi.service.component.annotations.Component;

/** The default MAMBA1: selective state-space (Mamba) layers, mamba type {@code mamba1}. */
@Component(service = MambaBackend.class)
@BackendName("MAMBA1")
@BackendDefault
public class Mamba1AttentionBackend extends MambaKernelBackend {

    public Mamba1AttentionBackend() {
        super("MAMBA1");
    }
}
