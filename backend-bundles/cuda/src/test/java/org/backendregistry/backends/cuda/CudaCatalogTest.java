package org.backendregistry.backends.cuda;

import java.util.Set;

import org.backendregistry.api.Platform;
import org.backendregistry.testsupport.HardwareCatalogContract;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** The catalog's cuda entries name classes of this bundle, which serve those names and refuse to compute. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CudaCatalogTest extends HardwareCatalogContract {

    @Override
    protected Platform platform() {
        return Platform.CUDA;
    }

    @Override
    protected Set<String> names() {
        return Set.of("FLASH_ATTN", "TRITON_ATTN", "FLASHINFER", "FLASHINFER_MLA", "TRITON_MLA", "CUTLASS_MLA",
                "FLASHMLA", "FLASHMLA_SPARSE", "FLASH_ATTN_MLA", "FLEX_ATTENTION", "TREE_ATTN");
    }

    @Override
    protected Set<String> mlaNames() {
        return Set.of("FLASHINFER_MLA", "TRITON_MLA", "CUTLASS_MLA", "FLASHMLA", "FLASHMLA_SPARSE", "FLASH_ATTN_MLA");
    }

    @Override
    protected Set<String> sparseNames() {
        return Set.of("FLASHMLA_SPARSE");
    }
}
