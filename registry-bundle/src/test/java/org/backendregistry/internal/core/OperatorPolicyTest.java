package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.backendregistry.api.BackendId;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pins, the trust policy and the closed catalog, as the operator's configuration sets them. */
class OperatorPolicyTest extends CoreFixture {

    private static final Owner OTHER = new Owner(11, "com.other.kernels", "1.0.0");

    private final FakeService overrideA = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(5);

    @BeforeEach
    void defaultAndOverrideArePresent() {
        track(AttentionBackendId.FAMILY, FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault(),
                DEFAULTS);
        track(overrideA);
    }

    private void configure(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    @Test
    void aPinToABundleMakesItsProviderServeAheadOfEveryOther() {
        configure(Map.of("pins", "FLASH_ATTN=" + DEFAULTS.symbolicName()));

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aPinToAClassNameMatchesTheComponentName() {
        FakeService b = FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(-1);
        b.properties.put("component.name", OverrideB.class.getName());
        track(AttentionBackendId.FAMILY, b, OTHER);

        configure(Map.of("pins", "FLASH_ATTN=" + OverrideB.class.getName()));

        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void unpinningRestoresTheUsualOrder() {
        configure(Map.of("pins", "FLASH_ATTN=" + DEFAULTS.symbolicName()));
        configure(Map.of());

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aStrictPinThatMatchesNothingMakesLookupsFailNamingThePin() {
        configure(Map.of("pins", "FLASH_ATTN=com.absent.bundle"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> path(FLASH_ATTN));
        assertEquals("Backend FLASH_ATTN is pinned to 'com.absent.bundle' (configuration org.backendregistry, pins), but "
                + "no provider matches it. Start the bundle that provides it, unpin FLASH_ATTN, or set pin.fallback=true.",
                error.getMessage());
    }

    @Test
    void aPinThatMatchesNothingFallsBackWhenConfiguredTo() {
        configure(Map.of("pins", "FLASH_ATTN=com.absent.bundle", "pin.fallback", true));

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aStrictPinIsSatisfiedAsSoonAsItsProviderArrives() {
        configure(Map.of("pins", "FLASH_ATTN=com.other.kernels"));
        track(AttentionBackendId.FAMILY, FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(-9), OTHER);

        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void whenThePinnedBundlesBestProviderCannotBeObtainedItsNextProviderServes() {
        // the pinned bundle's best-ranked provider fails; the pin still matches its default, which outranks
        // every provider the pin does not match (DESIGN.md section 3, precedence rule 1)
        track(AttentionBackendId.FAMILY, FakeService.of(null, "FLASH_ATTN").ranking(10).failingWith(() -> null),
                DEFAULTS);

        configure(Map.of("pins", "FLASH_ATTN=" + DEFAULTS.symbolicName()));

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, overrideA.inUse(), "the override the pin does not match holds no object");
    }

    @Test
    void closingTheCatalogAlsoWithdrawsPluginNamesThatOnlyRegistrationsProvide() {
        BackendId<AttentionBackend> myKernel = AttentionBackendId.FAMILY.id("MY_KERNEL");
        core.register(myKernel, new OverrideB("MY_KERNEL"), PLUGIN);

        configure(Map.of("catalog.closed", "true"));

        assertThrows(IllegalArgumentException.class, () -> core.lookups().lookup(AttentionBackendId.FAMILY, "MY_KERNEL"));
        assertThrows(IllegalArgumentException.class, () -> core.lookups().require(myKernel));
        assertFalse(core.lookups().names(AttentionBackendId.FAMILY).contains(myKernel));
    }

    @Test
    void aFailingPinnedProviderIsTriedOnceBeforeTheOthers() {
        FakeService failing = FakeService.of(null, "FLASH_ATTN").failingWith(() -> null);
        TrackedService tracked = track(AttentionBackendId.FAMILY, failing, OTHER);
        configure(Map.of("pins", "FLASH_ATTN=" + OTHER.symbolicName()));
        log.messages.clear();

        modify(tracked, failing.ranking(9)); // one decision for FLASH_ATTN, with the pinned provider ranked first too

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
        assertEquals(1, log.count("getService returned null"), log.messages.toString());
    }

    @Test
    void configurationProblemsAreLoggedForTheOperator() {
        configure(Map.of("pins", "FLASH_ATTN"));

        assertEquals(1, log.count("Configuration org.backendregistry: pins: 'FLASH_ATTN' is not NAME=target"),
                log.messages.toString());
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN), "the rest of the configuration applies");
    }

    @Test
    void overridesFromUntrustedBundlesAreDeniedWhileDefaultsKeepServing() {
        configure(Map.of("trusted.bundles", "com.trusted.*"));

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, overrideA.inUse());
        IllegalStateException denied = assertThrows(IllegalStateException.class,
                () -> core.register(FLASH_ATTN, new OverrideB("FLASH_ATTN"), PLUGIN));
        assertEquals("Bundle com.example.plugin [9] may not override FLASH_ATTN: denied by policy (it matches no "
                + "pattern of trusted.bundles in configuration org.backendregistry).", denied.getMessage());
    }

    @Test
    void aTrustedBundlesOverridePasses() {
        configure(Map.of("trusted.bundles", "com.example.*"));

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aClosedCatalogRejectsPluginNamesAndOpeningItAgainReadmitsThem() {
        FakeService plugin = FakeService.of(new OverrideB("MY_KERNEL"), "MY_KERNEL");
        TrackedService tracked = track(plugin);
        assertEquals(OverrideB.class.getName(), core.lookups().require(AttentionBackendId.FAMILY.id("MY_KERNEL")).className());

        configure(Map.of("catalog.closed", "true"));
        assertThrows(IllegalArgumentException.class, () -> core.lookups().lookup(AttentionBackendId.FAMILY, "MY_KERNEL"));
        assertEquals(org.backendregistry.api.runtime.FailureReason.UNKNOWN_NAME, tracked.failure);

        configure(Map.of("catalog.closed", "false"));
        assertEquals(OverrideB.class.getName(), core.lookups().require(core.lookups().lookup(AttentionBackendId.FAMILY, "MY_KERNEL"))
                .className());
    }
}
