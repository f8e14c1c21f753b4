package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default ROCM_AITER_MLA_SPARSE: AITER sparse multi-head latent attention (DeepSeek V3.2), declaring what
 * vLLM's {@code ROCMAiterMLASparseBackend} declares.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/rocm_aiter_mla_sparse.py}, the newest version in vLLM's own
 * main branch (late 2026): kernel block sizes 1 and 64,
 * no head size list, no fp8_e5m2 cache.
 */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_MLA_SPARSE")
@BackendDefault
public class ROCMAiterMLASparseBackend extends HardwareKernelBackend {

    public ROCMAiterMLASparseBackend() {
        super("ROCM_AITER_MLA_SPARSE", rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3")
                .kernelBlockSizes(KernelBlockSize.exactly(1), KernelBlockSize.exactly(64))
                .mla(true)
                .sparse(true)
                .build());
    }
}
