package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default ROCM_AITER_MLA: AMD AITER multi-head latent attention kernels, declaring what vLLM's
 * {@code AiterMLABackend} declares.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/rocm_aiter_mla.py}, the newest version in vLLM's main branch (late 2026):
 * any head size (it overrides MLA's list with an empty
 * one) and kernel block size 1, which every block size is a multiple of. Commit 0038cd3c8cfa already had the
 * block size 1.
 */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_MLA")
@BackendDefault
public class AiterMLABackend extends HardwareKernelBackend {

    public AiterMLABackend() {
        super("ROCM_AITER_MLA", aiterMla().build());
    }

    /** What ROCM_AITER_MLA declares; ROCM_AITER_TRITON_MLA inherits all of it in vLLM. */
    static BackendCapabilities.Builder aiterMla() {
        return rocm("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3", "fp8_e5m2")
                .kernelBlockSizes(KernelBlockSize.exactly(1))
                .mla(true);
    }
}
