package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deprecated names warn once per name, only while the registry's configuration wants it, and never while
 * a registry lock is held. Each test uses deprecated names no other test uses: the once-per-name memory
 * lives as long as the registry bundle, here the test JVM.
 */
class DeprecatedNamesTest extends CoreFixture {

    private RegistryLogCapture warnings;

    @BeforeEach
    void captureWarnings() {
        warnings = new RegistryLogCapture(() -> Thread.holdsLock(core.table(AttentionBackendId.FAMILY).lock));
    }

    @AfterEach
    void restoreTheDefaultConfiguration() {
        configure(Map.of()); // the switch is the registry bundle's, shared by every core in this JVM
        warnings.close();
    }

    @Test
    void aDeprecatedNameWarnsOnceHoweverItIsLookedUp() {
        assertSame(AttentionBackendId.PALLAS, core.lookups().lookup(AttentionBackendId.FAMILY, "PALLAS_VLLM_V1"));
        assertSame(AttentionBackendId.PALLAS, AttentionBackendId.of("PALLAS_VLLM_V1"));
        assertSame(AttentionBackendId.PALLAS, AttentionBackendId.FAMILY.id("PALLAS_VLLM_V1"));

        assertEquals(List.of(warning("PALLAS_VLLM_V1", "PALLAS")), warnings.messages);
    }

    @Test
    void theCatalogsWarnNothingWhileTheRegistryTurnedDeprecationWarningsOffAndWarnOnceTurnedOn() {
        configure(Map.of("deprecation.warnings", false));
        assertSame(AttentionBackendId.IPEX, AttentionBackendId.of("IPEX_V1"));
        assertSame(AttentionBackendId.IPEX, AttentionBackendId.FAMILY.id("IPEX_V1"));
        assertSame(AttentionBackendId.IPEX, core.lookups().lookup(AttentionBackendId.FAMILY, "IPEX_V1"));
        assertEquals(List.of(), warnings.messages);

        configure(Map.of("deprecation.warnings", true));
        AttentionBackendId.of("IPEX_V1");
        AttentionBackendId.of("IPEX_V1");

        assertEquals(List.of(warning("IPEX_V1", "IPEX")), warnings.messages);
    }

    @Test
    void resolvingACatalogIdNeverWarns() {
        assertSame(AttentionBackendId.TREE_ATTN, AttentionBackendId.FAMILY.catalogId("TREE_ATTN_VLLM_V1").orElseThrow());
        assertSame(MambaBackendId.MAMBA2, MambaBackendId.FAMILY.catalogId("MAMBA2").orElseThrow());

        assertEquals(List.of(), warnings.messages);
    }

    @Test
    void aServiceNamedByADeprecatedNameServesTheCurrentNameAndWarnsOnceWithNoLockHeld() {
        track(FakeService.of(new OverrideA("FLEX_ATTENTION"), "FLEX_ATTENTION_VLLM_V1"));
        track(FakeService.of(new OverrideA("FLEX_ATTENTION"), "FLEX_ATTENTION_VLLM_V1").ranking(5));

        assertEquals(OverrideA.class.getName(), path(AttentionBackendId.FLEX_ATTENTION));
        assertEquals(List.of(warning("FLEX_ATTENTION_VLLM_V1", "FLEX_ATTENTION")), warnings.messages);
        assertEquals(List.of(false), warnings.lockHeld);
    }

    private static String warning(String deprecated, String current) {
        return "Backend name " + deprecated + " is deprecated; use " + current + " instead. " + deprecated
                + " will be removed in a future release.";
    }

    private void configure(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }
}
