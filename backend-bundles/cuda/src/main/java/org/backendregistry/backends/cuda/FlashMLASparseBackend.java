package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/** The default FLASHMLA_SPARSE: FlashMLA sparse attention over the indexer's top-k tokens (DeepSeek V3.2). */
@Component(service = AttentionBackend.class)
@BackendName("FLASHMLA_SPARSE")
@BackendDefault
public class FlashMLASparseBackend extends HardwareKernelBackend {

    public FlashMLASparseBackend() {
        super("FLASHMLA_SPARSE", cuda("bfloat16")
                .kvCacheDtypes("auto", "fp8_ds_mla")
                .headSizes(MLA_HEAD_SIZE)
                .mla(true)
                .sparse(true)
                .kernelBlockSizes(KernelBlockSize.exactly(64))
                .computeCapabilities(ComputeCapability.of(9, 0), ComputeCapability.of(10, 9))
                .build());
    }
}
