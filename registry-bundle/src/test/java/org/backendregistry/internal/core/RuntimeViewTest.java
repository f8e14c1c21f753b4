package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime view: who serves each name, why every other provider does not, what failed. */
class RuntimeViewTest extends CoreFixture {

    private final RuntimeView view = new RuntimeView(core);
    private final FakeService flashDefault = FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault();

    @BeforeEach
    void defaultServes() {
        track(AttentionBackendId.FAMILY, flashDefault, DEFAULTS);
    }

    private NameDTO name(String family, String name) {
        return Arrays.stream(view.snapshot().names).filter(n -> n.family.equals(family) && n.name.equals(name))
                .findFirst().orElseThrow();
    }

    private static NotServingDTO only(NameDTO name) {
        assertEquals(1, name.notServing.length, Arrays.toString(name.notServing));
        return name.notServing[0];
    }

    private void configure(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    @Test
    void everyCatalogNameIsListedWithItsDefaultAndWhatServesIt() {
        RegistryRuntimeDTO dto = view.snapshot();

        assertEquals(AttentionBackendId.values().length + MambaBackendId.values().length, dto.names.length);
        NameDTO flash = name("attention", "FLASH_ATTN");
        assertEquals(DefaultImpl.class.getName(), flash.serving.className);
        assertEquals(flashDefault.serviceId, flash.serving.id);
        assertEquals("org.backendregistry.backends.cuda", flash.serving.bundleSymbolicName);
        assertTrue(flash.serving.isDefault);
        assertFalse(flash.overridden);
        assertEquals("org.backendregistry.backends.cuda.FlashAttentionBackend", flash.defaultClassName);
        NameDTO custom = name("mamba attention", "CUSTOM");
        assertNull(custom.serving);
        assertTrue(custom.problem.startsWith("Backend CUSTOM must be registered before use."), custom.problem);
    }

    @Test
    void aShadowedDefaultNamesTheProviderThatServesInstead() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        track(override);

        NameDTO flash = name("attention", "FLASH_ATTN");
        assertTrue(flash.overridden);
        NotServingDTO shadowed = only(flash);
        assertEquals(NotServingReason.SHADOWED, shadowed.reason);
        assertEquals(override.serviceId, shadowed.servedInstead);
        assertEquals(flashDefault.serviceId, shadowed.provider.id);
        assertEquals(DefaultImpl.class.getName(), shadowed.provider.className, "known since it served once");
    }

    @Test
    void aClearedOverrideIsSetAside() {
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        core.clearOverride(AttentionBackendId.FLASH_ATTN);

        NotServingDTO setAside = only(name("attention", "FLASH_ATTN"));
        assertEquals(NotServingReason.SET_ASIDE, setAside.reason);
        assertEquals("set aside by clearOverride; it serves again only if it registers anew", setAside.detail);
        assertEquals(-1, setAside.servedInstead);
    }

    @Test
    void aRegisteredPluginNameLeavesTheViewWhenTheCatalogCloses() {
        core.register(AttentionBackendId.FAMILY.id("MY_KERNEL"), new OverrideB("MY_KERNEL"), PLUGIN);
        assertTrue(Arrays.stream(view.snapshot().names).anyMatch(n -> n.name.equals("MY_KERNEL")));

        configure(Map.of("catalog.closed", "true"));

        assertFalse(Arrays.stream(view.snapshot().names).anyMatch(n -> n.name.equals("MY_KERNEL")),
                "a name the catalog no longer admits is listed");
    }

    @Test
    void aProviderPinnedAwayNamesThePinAndWhatServes() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        track(override);
        configure(Map.of("pins", "FLASH_ATTN=org.backendregistry.backends.cuda"));

        NameDTO flash = name("attention", "FLASH_ATTN");
        assertEquals("org.backendregistry.backends.cuda", flash.pin);
        assertEquals(flashDefault.serviceId, flash.serving.id);
        NotServingDTO pinnedAway = only(flash);
        assertEquals(NotServingReason.PINNED_AWAY, pinnedAway.reason);
        assertEquals("the name is pinned to org.backendregistry.backends.cuda", pinnedAway.detail);
        assertEquals(flashDefault.serviceId, pinnedAway.servedInstead);
    }

    @Test
    void anUnsatisfiedStrictPinIsTheNamesProblem() {
        configure(Map.of("pins", "FLASH_ATTN=com.absent"));

        NameDTO flash = name("attention", "FLASH_ATTN");
        assertNull(flash.serving);
        assertTrue(flash.problem.startsWith("Backend FLASH_ATTN is pinned to 'com.absent'"), flash.problem);
        assertEquals(NotServingReason.PINNED_AWAY, only(flash).reason);
        assertEquals("the name is pinned to a provider that is not present", only(flash).detail);
    }

    @Test
    void providersThatCannotBeObtainedSayWhy() {
        track(FakeService.of(null, "FLASH_ATTN").failingWith(() -> null).ranking(2));
        track(FakeService.of(null, "FLASH_ATTN").failingWith(() -> {
            throw new IllegalStateException("no device");
        }).ranking(1));

        NameDTO flash = name("attention", "FLASH_ATTN");
        assertEquals(flashDefault.serviceId, flash.serving.id);
        assertEquals(List.of(NotServingReason.NOT_GETTABLE, NotServingReason.EXCEPTION_ON_GET),
                Arrays.stream(flash.notServing).map(n -> n.reason).toList());
        assertEquals("getService threw java.lang.IllegalStateException: no device", flash.notServing[1].detail);
    }

    @Test
    void anUntrustedOverrideIsDeniedByPolicy() {
        track(FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN"));
        configure(Map.of("trusted.bundles", "org.backendregistry.*"));

        NotServingDTO denied = only(name("attention", "FLASH_ATTN"));
        assertEquals(NotServingReason.DENIED_BY_POLICY, denied.reason);
        assertEquals("bundle com.example.plugin matches no pattern of trusted.bundles", denied.detail);
    }

    @Test
    void servicesThatAreNotProvidersAreListedWithTypedReasonsAndValues() {
        FakeService lowercase = FakeService.of(new OverrideA("x"), "flash_attn");
        FakeService badDefault = FakeService.of(new OverrideA("x"), "FLASH_ATTN");
        badDefault.properties.put("backend.default", 1);
        FakeService wrongType = FakeService.of("a string", "TRITON_ATTN");
        FakeService plugin = FakeService.of(new OverrideA("x"), "MY_KERNEL");
        track(lowercase);
        track(badDefault);
        track(wrongType);
        track(plugin);
        configure(Map.of("catalog.closed", true, "pin.fallback", "perhaps"));

        RegistryRuntimeDTO dto = view.snapshot();
        Map<Long, FailedServiceDTO> failures = Arrays.stream(dto.failedServices)
                .collect(java.util.stream.Collectors.toMap(f -> f.serviceId, f -> f));
        assertEquals(FailureReason.INVALID_NAME, failures.get(lowercase.serviceId).reason);
        assertEquals("'flash_attn' (String)", failures.get(lowercase.serviceId).value);
        assertEquals(FailureReason.INVALID_PROPERTY, failures.get(badDefault.serviceId).reason);
        assertEquals(FailureReason.WRONG_TYPE, failures.get(wrongType.serviceId).reason);
        assertEquals("java.lang.String", failures.get(wrongType.serviceId).value);
        assertEquals(0, wrongType.inUse());
        assertEquals(FailureReason.UNKNOWN_NAME, failures.get(plugin.serviceId).reason);
        assertEquals("com.example.plugin", failures.get(plugin.serviceId).bundleSymbolicName);
        assertEquals(4, dto.failedServices.length);
        assertEquals(List.of("pin.fallback: 'perhaps' is not true or false; false applies"),
                List.of(dto.configurationProblems));
    }

    @Test
    void theGenerationGrowsWithEveryChange() {
        long before = view.snapshot().generation;
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(-3));
        long afterAdd = view.snapshot().generation;
        core.clearOverride(AttentionBackendId.FLASH_ATTN);

        assertTrue(before < afterAdd && afterAdd < view.snapshot().generation);
    }
}
