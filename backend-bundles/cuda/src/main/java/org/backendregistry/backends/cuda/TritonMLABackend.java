package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default TRITON_MLA: multi-head latent attention decode in Triton.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/triton_mla.py}, the newest versions in vLLM's main branch (late 2026):
 * any head size (an empty list),
 * MultipleOf(16) blocks, half-precision and fp8 caches. Older versions took the {@code auto} cache only.
 */
@Component(service = AttentionBackend.class)
@BackendName("TRITON_MLA")
@BackendDefault
public class TritonMLABackend extends HardwareKernelBackend {

    public TritonMLABackend() {
        super("TRITON_MLA", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16", "fp8", "fp8_e4m3")
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .mla(true)
                .build());
    }
}
