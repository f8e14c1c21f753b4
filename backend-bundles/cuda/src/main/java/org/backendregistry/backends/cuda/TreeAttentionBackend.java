package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default TREE_ATTN: tree attention for speculative decoding, on Triton kernels. */
@Component(service = AttentionBackend.class)
@BackendName("TREE_ATTN")
@BackendDefault
public class TreeAttentionBackend extends HardwareKernelBackend {

    public TreeAttentionBackend() {
        super("TREE_ATTN", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto")
                .headSizes(multiplesOf(32, 256))
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .build());
    }
}
