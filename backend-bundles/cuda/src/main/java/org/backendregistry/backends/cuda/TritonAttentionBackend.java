package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default TRITON_ATTN: Triton unified attention kernels (vLLM also needs head size 32 or more). */
@Component(service = AttentionBackend.class)
@BackendName("TRITON_ATTN")
@BackendDefault
public class TritonAttentionBackend extends HardwareKernelBackend {

    public TritonAttentionBackend() {
        super("TRITON_ATTN", cuda("float16", "bfloat16", "float32")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3", "fp8_e5m2")
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .sink(true)
                .build());
    }
}
