package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;
import org.junit.jupiter.api.Test;

class NameReportTest {

    private static final String CUDA_DEFAULT = "org.backendregistry.backends.cuda/org.backendregistry.backends.cuda.FlashAttentionBackend"
            + " (service 12, bundle 5 version 1.0.0.SNAPSHOT, ranking 0, default)";
    private static final String JVM_OVERRIDE = "org.backendregistry.examples.flash-attn-jvm/org.backendregistry.examples.flashattn.JvmFlashAttentionBackend"
            + " (service 42, bundle 17 version 1.0.0.SNAPSHOT, ranking 0, override)";

    @Test
    void aDefaultThatNothingOverridesServesBecauseItIsTheDefault() {
        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Served by " + CUDA_DEFAULT + " because it is the default and nothing overrides it."),
                NameReport.describe(Dtos.flashAttn(Dtos.cudaFlashDefault())));
    }

    @Test
    void anOverrideServesBecauseItIsTheHighestRankedAndTheDefaultIsShadowedByIt() {
        NameDTO flash = Dtos.flashAttn(Dtos.jvmFlashOverride(),
                Dtos.notServing(Dtos.cudaFlashDefault(), NotServingReason.SHADOWED, 42, null));

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Served by " + JVM_OVERRIDE + " because it is the highest-ranked override.",
                CUDA_DEFAULT + " does not serve: shadowed by service 42."),
                NameReport.describe(flash));
    }

    @Test
    void theLeasesOpenOnTheServingProviderAreShown() {
        ProviderDTO serving = Dtos.jvmFlashOverride();
        serving.openLeases = 3;

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Served by " + JVM_OVERRIDE + " because it is the highest-ranked override.",
                "3 lease(s) open on it now: a departure of this provider waits for them."),
                NameReport.describe(Dtos.flashAttn(serving)));
    }

    @Test
    void anOverrideSetAsideByClearOverrideIsSaidToServeAgainOnlyWhenItRegistersAnew() {
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.SET_ASIDE, -1, null));

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Served by " + CUDA_DEFAULT + " because it is the default and its overrides are set aside.",
                JVM_OVERRIDE + " does not serve: set aside by clearOverride; it serves again only if it registers anew."),
                NameReport.describe(flash));
    }

    @Test
    void aPinnedDefaultServesBecauseItIsPinnedAndTheOverrideIsPinnedAway() {
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.PINNED_AWAY, 12, null));
        flash.pin = Dtos.CUDA;
        flash.overridden = false;

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Pinned to org.backendregistry.backends.cuda.",
                "Served by " + CUDA_DEFAULT + " because it is pinned.",
                JVM_OVERRIDE + " does not serve: pinned away: the pin org.backendregistry.backends.cuda selects service 12."),
                NameReport.describe(flash));
    }

    @Test
    void aPinThatMatchesNothingWithFallbackSaysTheUsualPrecedenceApplies() {
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault());
        flash.pin = "com.example.absent";

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Pinned to com.example.absent.",
                "Served by " + CUDA_DEFAULT + " because it is the default and nothing overrides it.",
                "The pin com.example.absent matches no provider that can serve, so the usual precedence applies."),
                NameReport.describe(flash));
    }

    @Test
    void aProgrammaticRegistrationServesBecauseItIsTheNewest() {
        ProviderDTO registration = Dtos.service(3, 20, "com.example", "com.example.Mine", 0, false);
        registration.origin = "REGISTRATION";
        NameDTO flash = Dtos.flashAttn(registration,
                Dtos.notServing(Dtos.cudaFlashDefault(), NotServingReason.SHADOWED, 3, null));

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Served by com.example/com.example.Mine (registration 3, bundle 20 version 1.0.0.SNAPSHOT, ranking 0, override)"
                        + " because it is the newest programmatic registration.",
                CUDA_DEFAULT + " does not serve: shadowed by registration 3."),
                NameReport.describe(flash));
    }

    @Test
    void providersThatCannotBeObtainedOrAreDeniedSayWhy() {
        ProviderDTO broken = Dtos.service(50, 21, "com.example.broken", null, 5, false);
        ProviderDTO empty = Dtos.service(51, 21, "com.example.broken", null, 4, false);
        ProviderDTO untrusted = Dtos.service(52, 22, "com.example.untrusted", "com.example.Untrusted", 9, false);
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(untrusted, NotServingReason.DENIED_BY_POLICY, -1, "ignored"),
                Dtos.notServing(broken, NotServingReason.EXCEPTION_ON_GET, -1, "java.lang.IllegalStateException: boom"),
                Dtos.notServing(empty, NotServingReason.NOT_GETTABLE, -1, "getService returned null"));

        List<String> lines = NameReport.describe(flash);

        assertEquals(List.of(
                "com.example.untrusted/com.example.Untrusted (service 52, bundle 22 version 1.0.0.SNAPSHOT, ranking 9, override)"
                        + " does not serve: denied by policy: bundle com.example.untrusted is not in trusted.bundles.",
                "com.example.broken/? (service 50, bundle 21 version 1.0.0.SNAPSHOT, ranking 5, override)"
                        + " does not serve: getService threw: java.lang.IllegalStateException: boom.",
                "com.example.broken/? (service 51, bundle 21 version 1.0.0.SNAPSHOT, ranking 4, override)"
                        + " does not serve: getService returned null."),
                lines.subList(2, 5));
    }

    @Test
    void providersThatCouldNotBeObtainedAreCountedAsFailedAndOthersAreNot() {
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.service(50, 21, "com.example.broken", null, 5, false),
                        NotServingReason.EXCEPTION_ON_GET, -1, "boom"),
                Dtos.notServing(Dtos.service(51, 21, "com.example.broken", null, 4, false),
                        NotServingReason.NOT_GETTABLE, -1, null),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.SET_ASIDE, -1, null),
                Dtos.notServing(Dtos.service(52, 22, "com.example.untrusted", null, 9, false),
                        NotServingReason.DENIED_BY_POLICY, -1, null));

        assertEquals(2, NameReport.failedProviders(flash));
        assertEquals(0, NameReport.failedProviders(Dtos.flashAttn(Dtos.cudaFlashDefault())));
    }

    @Test
    void whenNothingServesTheRegistrysProblemIsTheAnswer() {
        NameDTO custom = Dtos.attention("CUSTOM", null, null);
        custom.problem = "Backend CUSTOM must be registered before use. Use registry.register(...).";

        assertEquals(List.of(
                "CUSTOM (attention, catalog; no default)",
                "Backend CUSTOM must be registered before use. Use registry.register(...)."),
                NameReport.describe(custom));
    }

    @Test
    void aPluginNameSaysSo() {
        NameDTO plugin = Dtos.attention("MY_KERNEL", null, Dtos.service(60, 23, "com.example", "com.example.K", 0, false));
        plugin.catalog = false;

        assertEquals("MY_KERNEL (attention, plugin name; no default)", NameReport.header(plugin));
    }

    @Test
    void anImportedDefaultServesUnderRemotePolicyAndTheLocalOneSaysWhichEndpointShadowsIt() {
        ProviderDTO imported = Dtos.importedFlashDefault("jdk.proxy3.$Proxy31");
        NameDTO flash = Dtos.flashAttn(imported,
                Dtos.notServing(Dtos.cudaFlashDefault(), NotServingReason.SHADOWED, 61, null));

        assertEquals(List.of(
                "FLASH_ATTN (attention, catalog; default org.backendregistry.backends.cuda.FlashAttentionBackend)",
                "Served by org.apache.aries.rsa.core/jdk.proxy3.$Proxy31 @ tcp://127.0.0.1:8201 (framework 6f1c2f0e-a)"
                        + " (service 61, bundle 24 version 1.0.0.SNAPSHOT, ranking 0, default) because it is the best"
                        + " default under remote.policy.",
                CUDA_DEFAULT + " does not serve: shadowed by service 61."),
                NameReport.describe(flash));
    }

    @Test
    void anImportedProviderExcludedByLocalOnlySaysSo() {
        ProviderDTO imported = Dtos.importedFlashDefault(null);
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault(), Dtos.notServing(imported,
                NotServingReason.DENIED_BY_POLICY, -1, "imported from endpoint tcp://127.0.0.1:8201 of framework "
                        + "6f1c2f0e-a; remote.policy=local-only admits local providers only"));

        assertEquals("org.apache.aries.rsa.core/? @ tcp://127.0.0.1:8201 (framework 6f1c2f0e-a) (service 61, bundle 24"
                + " version 1.0.0.SNAPSHOT, ranking 0, default) does not serve: denied by policy: imported from endpoint"
                + " tcp://127.0.0.1:8201 of framework 6f1c2f0e-a; remote.policy=local-only admits local providers only.",
                NameReport.describe(flash).get(2));
    }
}
