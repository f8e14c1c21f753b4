package org.backendregistry.backends.mamba;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.mamba.MambaBackend;
import org.osgi.service.component.annotations.Component;

/** The default MAMBA2: state-space duality (Mamba-2) layers, mamba type {@code mamba2}. */
@Component(service = MambaBackend.class)
@BackendName("MAMBA2")
@BackendDefault
public class Mamba2AttentionBackend extends MambaKernelBackend {

    public Mamba2AttentionBackend() {
        super("MAMBA2");
    }
}
