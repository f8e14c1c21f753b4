package org.backendregistry.backends.rocm;

import java.util.Set;

import org.backendregistry.api.Platform;
import org.backendregistry.testsupport.HardwareCatalogContract;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** The catalog's rocm entries name classes of this bundle, which serve those names and refuse to compute. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RocmCatalogTest extends HardwareCatalogContract {

    @Override
    protected Platform platform() {
        return Platform.ROCM;
    }

    @Override
    protected Set<String> names() {
        return Set.of("ROCM_ATTN", "ROCM_AITER_MLA", "ROCM_AITER_TRITON_MLA", "ROCM_AITER_FA", "ROCM_AITER_MLA_SPARSE",
                "ROCM_AITER_UNIFIED_ATTN");
    }

    @Override
    protected Set<String> mlaNames() {
        return Set.of("ROCM_AITER_MLA", "ROCM_AITER_TRITON_MLA", "ROCM_AITER_MLA_SPARSE");
    }

    @Override
    protected Set<String> sparseNames() {
        return Set.of("ROCM_AITER_MLA_SPARSE");
    }
}
