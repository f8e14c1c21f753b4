package org.backendregistry.backends.mamba;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.mamba.MambaBackend;
import org.osgi.service.component.annotations.Component;

/** The default GDN_ATTN: gated delta net layers, mamba type {@code gdn_attention}. */
@Component(service = MambaBackend.class)
@BackendName("GDN_ATTN")
@BackendDefault
public class GDNAttentionBackend extends MambaKernelBackend {

    public GDNAttentionBackend() {
        super("GDN_ATTN");
    }
}
