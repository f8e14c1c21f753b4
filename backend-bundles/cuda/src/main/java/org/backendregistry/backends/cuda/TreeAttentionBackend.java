package org.backendregistry.backends.cuda;

import org.backendregistry.api.BackendDefault;
import org.backendregistry.api.BackendName;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The default TREE_ATTN: tree attention for speculative decoding, on Triton kernels.
 * <p>
 * Source: vLLM {@code vllm/v1/attention/backends/tree_attn.py}, the newest version in vLLM's main branch (late 2026): head sizes 32 to 256 in steps of 32, MultipleOf(16) blocks,
 * half-precision caches.
 */
@Component(service = AttentionBackend.class)
@BackendName("TREE_ATTN")
@BackendDefault
public class TreeAttentionBackend extends HardwareKernelBackend {

    public TreeAttentionBackend() {
        super("TREE_ATTN", cuda("float16", "bfloat16")
                .kvCacheDtypes("auto", "float16", "bfloat16")
                .headSizes(multiplesOf(32, 256))
                .kernelBlockSizes(KernelBlockSize.multipleOf(16))
                .build());
    }
}
