package org.backendregistry.backends.mamba;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.mamba.MambaBackend;
import org.osgi.service.component.annotations.Component;

/** The default LINEAR: linear attention layers, mamba type {@code linear_attention}. */
@Component(service = MambaBackend.class)
@BackendName("LINEAR")
@BackendDefault
public class LinearAttentionBackend extends MambaKernelBackend {

    public LinearAttentionBackend() {
        super("LINEAR");
    }
}
