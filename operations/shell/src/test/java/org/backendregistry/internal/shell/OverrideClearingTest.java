package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;
import org.junit.jupiter.api.Test;

class OverrideClearingTest {

    private static final String CUDA_DEFAULT = "org.backendregistry.backends.cuda/org.backendregistry.backends.cuda.FlashAttentionBackend"
            + " (service 12, bundle 5 version 1.0.0.SNAPSHOT, ranking 0, default)";
    private static final String JVM_OVERRIDE = "org.backendregistry.examples.flash-attn-jvm/org.backendregistry.examples.flashattn.JvmFlashAttentionBackend"
            + " (service 42, bundle 17 version 1.0.0.SNAPSHOT, ranking 0, override)";

    private static ProviderDTO registration() {
        ProviderDTO registration = Dtos.service(3, 20, "com.example", "com.example.Mine", 0, false);
        registration.origin = ProviderText.REGISTRATION;
        return registration;
    }

    @Test
    void anOverridePinnedAwayIsAnOverrideToSetAside() {
        NameDTO pinned = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.PINNED_AWAY, 12, null));
        pinned.pin = Dtos.CUDA;

        assertEquals(List.of(42L), OverrideClearing.overrides(pinned).stream().map(p -> p.id).toList());
    }

    @Test
    void theServingOverrideAndEveryShadowedOrFailedOneAreOverridesButDefaultsAndSetAsideOnesAreNot() {
        ProviderDTO broken = Dtos.service(50, 21, "com.example.broken", null, 5, false);
        ProviderDTO setAside = Dtos.service(51, 21, "com.example.old", "com.example.Old", 0, false);
        NameDTO flash = Dtos.flashAttn(registration(),
                Dtos.notServing(broken, NotServingReason.NOT_GETTABLE, -1, null),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.SHADOWED, 3, null),
                Dtos.notServing(setAside, NotServingReason.SET_ASIDE, -1, null),
                Dtos.notServing(Dtos.cudaFlashDefault(), NotServingReason.SHADOWED, 3, null));

        assertEquals(List.of(3L, 50L, 42L), OverrideClearing.overrides(flash).stream().map(p -> p.id).toList());
    }

    @Test
    void clearingAPinnedNameSaysWhichOverrideItSetAsideAndThatThePinnedDefaultServes() {
        NameDTO after = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.SET_ASIDE, -1, null));
        after.pin = Dtos.CUDA;

        assertEquals(List.of(
                "Cleared the overrides of FLASH_ATTN.",
                "Set aside " + JVM_OVERRIDE + ".",
                "Served by " + CUDA_DEFAULT + " because it is pinned."),
                OverrideClearing.report("FLASH_ATTN", List.of(Dtos.jvmFlashOverride()), after));
    }

    @Test
    void aRegistrationThatIsGoneAfterClearingIsReportedWithdrawn() {
        NameDTO after = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.SET_ASIDE, -1, null));

        assertEquals(List.of(
                "Cleared the overrides of FLASH_ATTN.",
                "Withdrew com.example/com.example.Mine (registration 3, bundle 20 version 1.0.0.SNAPSHOT, ranking 0, override).",
                "Set aside " + JVM_OVERRIDE + ".",
                "Served by " + CUDA_DEFAULT + " because it is the default and its overrides are set aside."),
                OverrideClearing.report("FLASH_ATTN", List.of(registration(), Dtos.jvmFlashOverride()), after));
    }

    @Test
    void aNameWithoutOverridesToSetAsideSaysThereIsNothingToClear() {
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault());

        assertEquals(List.of(
                "FLASH_ATTN has no override to set aside; nothing to clear.",
                "Served by " + CUDA_DEFAULT + " because it is the default and nothing overrides it."),
                OverrideClearing.report("FLASH_ATTN", OverrideClearing.overrides(flash), flash));
    }

    @Test
    void aNameWhoseOverridesAreAlreadySetAsideHasNothingToClear() {
        NameDTO flash = Dtos.flashAttn(Dtos.cudaFlashDefault(),
                Dtos.notServing(Dtos.jvmFlashOverride(), NotServingReason.SET_ASIDE, -1, null));

        assertEquals(List.of(), OverrideClearing.overrides(flash));
        assertEquals("FLASH_ATTN has no override to set aside; nothing to clear.",
                OverrideClearing.report("FLASH_ATTN", List.of(), flash).get(0));
    }
}
