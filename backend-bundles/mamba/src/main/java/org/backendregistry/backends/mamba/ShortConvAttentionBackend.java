package org.backendregistry.backends.mamba;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.mamba.MambaBackend;
import org.osgi.service.component.annotations.Component;

/** The default SHORT_CONV: short causal convolution layers, mamba type {@code short_conv}. */
@Component(service = MambaBackend.class)
@BackendName("SHORT_CONV")
@BackendDefault
public class ShortConvAttentionBackend extends MambaKernelBackend {

    public ShortConvAttentionBackend() {
        super("SHORT_CONV");
    }
}
