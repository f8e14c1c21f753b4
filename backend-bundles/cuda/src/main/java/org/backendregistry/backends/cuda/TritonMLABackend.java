package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default TRITON_MLA: multi-head latent attention decode in Triton, without an fp8 kv cache. */
@Component(service = AttentionBackend.class)
@BackendName("TRITON_MLA")
@BackendDefault
public class TritonMLABackend extends HardwareKernelBackend {

    public TritonMLABackend() {
        super("TRITON_MLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .build());
    }
}
