package org.backendregistry.backends.rocm;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default ROCM_AITER_TRITON_MLA: AITER MLA with Triton prefill.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/mla/aiter_triton_mla.py}, the newest versions in vLLM's
 * main branch (late 2026): {@code AiterTritonMLABackend} extends
 * {@code AiterMLABackend} and changes only its name and implementation, so it declares what ROCM_AITER_MLA does.
 * (An older version, commit 3ac1a52fbb0d, extended {@code MLACommonBackend} instead.)
 */
@Component(service = AttentionBackend.class)
@BackendName("ROCM_AITER_TRITON_MLA")
@BackendDefault
public class AiterTritonMLABackend extends HardwareKernelBackend {

    public AiterTritonMLABackend() {
        super("ROCM_AITER_TRITON_MLA", AiterMLABackend.aiterMla().build());
    }
}
