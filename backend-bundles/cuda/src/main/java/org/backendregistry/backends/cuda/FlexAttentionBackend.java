package org.backendregistry.backends.cuda;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default FLEX_ATTENTION: PyTorch FlexAttention compiled to Triton, for any head size. */
@Component(service = AttentionBackend.class)
@BackendName("FLEX_ATTENTION")
@BackendDefault
public class FlexAttentionBackend extends HardwareKernelBackend {

    public FlexAttentionBackend() {
        super("FLEX_ATTENTION", cuda("float16", "bfloat16", "float32")
                .kvCacheDtypes("auto")
                .attentionTypes(AttentionType.DECODER, AttentionType.ENCODER_ONLY)
                .build());
    }
}
