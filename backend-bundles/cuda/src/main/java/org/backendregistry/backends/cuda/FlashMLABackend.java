package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default FLASHMLA: DeepSeek's FlashMLA decode kernels (Hopper, Blackwell). */
@Component(service = AttentionBackend.class)
@BackendName("FLASHMLA")
@BackendDefault
public class FlashMLABackend extends HardwareKernelBackend {

    public FlashMLABackend() {
        super("FLASHMLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "fp8", "fp8_e4m3")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .kernelBlockSizes(KernelBlockSize.exactly(64))
                .computeCapabilities(ComputeCapability.of(9, 0), ComputeCapability.of(10, 9))
                .build());
    }
}
