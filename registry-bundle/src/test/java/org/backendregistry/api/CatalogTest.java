package org.backendregistry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.Backend;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogs as the seed defines them: names, errors, deprecated spellings and the mamba-type map. */
class CatalogTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger julLogger = Logger.getLogger("org.backendregistry");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(java.text.MessageFormat.format(record.getMessage(),
                    record.getParameters() == null ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        julLogger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        julLogger.removeHandler(capture);
    }

    @Test
    void theAttentionCatalogHoldsEverySeedNameInOrder() {
        assertEquals(List.of("FLASH_ATTN", "TRITON_ATTN", "ROCM_ATTN", "ROCM_AITER_MLA", "ROCM_AITER_TRITON_MLA",
                "ROCM_AITER_FA", "ROCM_AITER_MLA_SPARSE", "TORCH_SDPA", "FLASHINFER", "FLASHINFER_MLA", "TRITON_MLA",
                "CUTLASS_MLA", "FLASHMLA", "FLASHMLA_SPARSE", "FLASH_ATTN_MLA", "PALLAS", "IPEX", "NO_ATTENTION",
                "FLEX_ATTENTION", "TREE_ATTN", "ROCM_AITER_UNIFIED_ATTN", "CPU_ATTN", "CUSTOM"),
                List.copyOf(AttentionBackendId.FAMILY.catalogNames()));
    }

    @Test
    void anUnknownAttentionNameListsEveryValidOption() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AttentionBackendId.of("FLASH"));

        assertEquals("Unknown attention backend: 'FLASH'. Valid options are: "
                + String.join(", ", AttentionBackendId.FAMILY.catalogNames()), error.getMessage());
    }

    @Test
    void anUnknownMambaNameListsEveryValidOption() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MambaBackendId.of("MAMBA3"));

        assertEquals("Unknown mamba attention backend: 'MAMBA3'. Valid options are: "
                + "MAMBA1, MAMBA2, SHORT_CONV, LINEAR, GDN_ATTN, CUSTOM", error.getMessage());
    }

    @Test
    void theMambaTypeMapIsTheSeeds() {
        assertEquals(Map.of("mamba1", MambaBackendId.MAMBA1, "mamba2", MambaBackendId.MAMBA2, "short_conv",
                MambaBackendId.SHORT_CONV, "linear_attention", MambaBackendId.LINEAR, "gdn_attention",
                MambaBackendId.GDN_ATTN, "custom", MambaBackendId.CUSTOM), MambaBackendId.mambaTypes());
        assertSame(MambaBackendId.LINEAR, MambaBackendId.forMambaType("linear_attention"));
    }

    @Test
    void anUnknownMambaTypeListsTheValidTypes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MambaBackendId.forMambaType("mamba3"));

        assertEquals("Unknown mamba type: 'mamba3'. Valid mamba types are: mamba1, mamba2, short_conv, "
                + "linear_attention, gdn_attention, custom", error.getMessage());
    }

    @Test
    void aDeprecatedNameResolvesAndWarnsOncePerName() {
        assertSame(AttentionBackendId.TRITON_MLA, AttentionBackendId.of("TRITON_MLA_VLLM_V1"));
        assertSame(AttentionBackendId.TRITON_MLA, AttentionBackendId.of("TRITON_MLA_VLLM_V1"));
        assertSame(AttentionBackendId.CUTLASS_MLA, AttentionBackendId.FAMILY.id("CUTLASS_MLA_VLLM_V1"));

        assertEquals(List.of(
                "Backend name TRITON_MLA_VLLM_V1 is deprecated; use TRITON_MLA instead. TRITON_MLA_VLLM_V1 will be removed in a future release.",
                "Backend name CUTLASS_MLA_VLLM_V1 is deprecated; use CUTLASS_MLA instead. CUTLASS_MLA_VLLM_V1 will be removed in a future release."),
                warnings);
    }

    @Test
    @SuppressWarnings("removal")
    void theDeprecatedAliasResolvesAndWarnsThatItWasRenamed() {
        assertSame(AttentionBackendId.FLASHINFER, Backend.of("FLASHINFER"));
        Backend.of("IPEX");

        assertEquals(List.of("Backend has been renamed to AttentionBackendId. Please update your code to use "
                + "AttentionBackendId instead. Backend will be removed in a future release."), warnings);
        assertEquals(AttentionBackendId.values().length, Backend.values().length);
    }

    @Test
    void pluginNamesAreCheckedForSpelling() {
        assertEquals("MY_KERNEL", AttentionBackendId.FAMILY.id("MY_KERNEL").name());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AttentionBackendId.FAMILY.id("my-kernel"));

        assertEquals("Invalid attention backend name: 'my-kernel' is not a valid backend name: names match "
                + "[A-Z][A-Z0-9_]* (upper-case letters, digits, underscores); did you mean 'MY_KERNEL'?", error.getMessage());
    }
}
