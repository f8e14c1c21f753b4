package org.backendregistry.attention;

import java.util.Map;
import java.util.Optional;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.internal.names.CatalogNames;

/**
 * The catalog of attention backend names, each with the class of its default implementation in the
 * default backend bundles. {@link #CUSTOM} has no default: it must be registered before use.
 */
public enum AttentionBackendId implements BackendId<AttentionBackend> {
    FLASH_ATTN(Packages.CUDA + "FlashAttentionBackend"),
    TRITON_ATTN(Packages.CUDA + "TritonAttentionBackend"),
    ROCM_ATTN(Packages.ROCM + "RocmAttentionBackend"),
    ROCM_AITER_MLA(Packages.ROCM + "AiterMLABackend"),
    ROCM_AITER_TRITON_MLA(Packages.ROCM + "AiterTritonMLABackend"),
    ROCM_AITER_FA(Packages.ROCM + "AiterFlashAttentionBackend"),
    ROCM_AITER_MLA_SPARSE(Packages.ROCM + "ROCMAiterMLASparseBackend"),
    /** Used for vision encoders. */
    TORCH_SDPA(Packages.CPU + "TorchSDPABackend"),
    FLASHINFER(Packages.CUDA + "FlashInferBackend"),
    FLASHINFER_MLA(Packages.CUDA + "FlashInferMLABackend"),
    TRITON_MLA(Packages.CUDA + "TritonMLABackend"),
    CUTLASS_MLA(Packages.CUDA + "CutlassMLABackend"),
    FLASHMLA(Packages.CUDA + "FlashMLABackend"),
    FLASHMLA_SPARSE(Packages.CUDA + "FlashMLASparseBackend"),
    FLASH_ATTN_MLA(Packages.CUDA + "FlashAttnMLABackend"),
    PALLAS(Packages.TPU + "PallasAttentionBackend"),
    IPEX(Packages.XPU + "IpexAttentionBackend"),
    NO_ATTENTION(Packages.CPU + "NoAttentionBackend"),
    FLEX_ATTENTION(Packages.CUDA + "FlexAttentionBackend"),
    TREE_ATTN(Packages.CUDA + "TreeAttentionBackend"),
    ROCM_AITER_UNIFIED_ATTN(Packages.ROCM + "RocmAiterUnifiedAttentionBackend"),
    CPU_ATTN(Packages.CPU + "CPUAttentionBackend"),
    /** Placeholder for third-party backends: must be registered before use. */
    CUSTOM(null);

    /** The attention family: its catalog, service type and deprecated names. */
    public static final BackendFamily<AttentionBackend> FAMILY = BackendFamily.define(AttentionBackendId.class,
            AttentionBackend.class, Map.ofEntries(
                    Map.entry("FLASH_ATTN_VLLM_V1", "FLASH_ATTN"),
                    Map.entry("TRITON_ATTN_VLLM_V1", "TRITON_ATTN"),
                    Map.entry("ROCM_ATTN_VLLM_V1", "ROCM_ATTN"),
                    Map.entry("ROCM_AITER_MLA_VLLM_V1", "ROCM_AITER_MLA"),
                    Map.entry("ROCM_AITER_FA_VLLM_V1", "ROCM_AITER_FA"),
                    Map.entry("TORCH_SDPA_VLLM_V1", "TORCH_SDPA"),
                    Map.entry("FLASHINFER_VLLM_V1", "FLASHINFER"),
                    Map.entry("FLASHINFER_MLA_VLLM_V1", "FLASHINFER_MLA"),
                    Map.entry("TRITON_MLA_VLLM_V1", "TRITON_MLA"),
                    Map.entry("CUTLASS_MLA_VLLM_V1", "CUTLASS_MLA"),
                    Map.entry("FLASHMLA_VLLM_V1", "FLASHMLA"),
                    Map.entry("PALLAS_VLLM_V1", "PALLAS"),
                    Map.entry("IPEX_V1", "IPEX"),
                    Map.entry("FLEX_ATTENTION_VLLM_V1", "FLEX_ATTENTION"),
                    Map.entry("TREE_ATTN_VLLM_V1", "TREE_ATTN")));

    private final String defaultClassName;

    AttentionBackendId(String defaultClassName) {
        this.defaultClassName = defaultClassName;
    }

    /**
     * The seed's {@code AttentionBackendEnum["X"]}: a catalog name, or a deprecated one (which logs a
     * warning once per name, unless the registry's {@code deprecation.warnings} configuration is false).
     *
     * @throws IllegalArgumentException {@code Unknown attention backend: 'X'. Valid options are: ...}
     */
    public static AttentionBackendId of(String name) {
        return (AttentionBackendId) CatalogNames.of(FAMILY, name);
    }

    @Override
    public BackendFamily<AttentionBackend> family() {
        return FAMILY;
    }

    @Override
    public Optional<String> defaultClassName() {
        return Optional.ofNullable(defaultClassName);
    }

    @Override
    public boolean isCatalog() {
        return true;
    }

    /** Packages of the default backend bundles. */
    private static final class Packages {
        static final String CPU = "org.backendregistry.backends.cpu.";
        static final String CUDA = "org.backendregistry.backends.cuda.";
        static final String ROCM = "org.backendregistry.backends.rocm.";
        static final String TPU = "org.backendregistry.backends.tpu.";
        static final String XPU = "org.backendregistry.backends.xpu.";
    }
}
