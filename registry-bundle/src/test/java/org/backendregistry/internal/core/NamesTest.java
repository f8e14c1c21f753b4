package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.backendregistry.api.BackendId;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.junit.jupiter.api.Test;

class NamesTest extends CoreFixture {

    private static final String ALL_ATTENTION_NAMES = Arrays.stream(AttentionBackendId.values())
            .map(Enum::name).collect(Collectors.joining(", "));

    @Test
    void anUnknownNameGivesTheSeedsMessageListingEveryNameOnce() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> core.lookups().lookup(AttentionBackendId.FAMILY, "FLASH"));

        assertEquals("Unknown attention backend: 'FLASH'. Valid options are: " + ALL_ATTENTION_NAMES, error.getMessage());
        assertTrue(error.getMessage().startsWith(
                "Unknown attention backend: 'FLASH'. Valid options are: FLASH_ATTN, TRITON_ATTN, ROCM_ATTN, "));
    }

    @Test
    void aMisspelledNameIsAnsweredWithTheClosestValidOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> core.lookups().lookup(AttentionBackendId.FAMILY, "flash_attn"));

        assertTrue(error.getMessage().endsWith(ALL_ATTENTION_NAMES + ". Did you mean 'FLASH_ATTN'?"), error.getMessage());
    }

    @Test
    void customWithoutAProviderMustBeRegisteredBeforeUseAndIsNotOverridden() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> core.lookups().require(AttentionBackendId.CUSTOM));

        assertEquals("Backend CUSTOM must be registered before use. Use registry.register(AttentionBackendId.CUSTOM, "
                + "\"your.package.YourClass\"), or register an AttentionBackend service with backend.name=CUSTOM.",
                error.getMessage());
        assertFalse(isOverridden(AttentionBackendId.CUSTOM));
    }

    @Test
    void aPluginNameIsKnownExactlyWhileAProviderExists() {
        assertThrows(IllegalArgumentException.class, () -> core.lookups().lookup(AttentionBackendId.FAMILY, "MY_KERNEL"));
        FakeService plugin = FakeService.of(new OverrideA("MY_KERNEL"), "MY_KERNEL");
        TrackedService tracked = track(plugin);

        BackendId<AttentionBackend> id = core.lookups().lookup(AttentionBackendId.FAMILY, "MY_KERNEL");
        assertEquals(OverrideA.class.getName(), core.lookups().require(id).className());
        assertTrue(core.lookups().names(AttentionBackendId.FAMILY).contains(id));
        IllegalArgumentException listed = assertThrows(IllegalArgumentException.class,
                () -> core.lookups().lookup(AttentionBackendId.FAMILY, "NOPE"));
        assertTrue(listed.getMessage().endsWith(ALL_ATTENTION_NAMES + ", MY_KERNEL"), listed.getMessage());

        core.untrack(tracked);
        assertThrows(IllegalArgumentException.class, () -> core.lookups().lookup(AttentionBackendId.FAMILY, "MY_KERNEL"));
        assertThrows(IllegalArgumentException.class, () -> core.lookups().require(id));
        assertFalse(core.lookups().names(AttentionBackendId.FAMILY).contains(id));
    }

    @Test
    void aNameIsServedByItsTextInOneStepWithTheSameErrorsAsLookup() {
        track(FakeService.of(new OverrideA("MY_KERNEL"), "MY_KERNEL"));

        assertEquals(OverrideA.class.getName(), core.lookups().require(AttentionBackendId.FAMILY, "MY_KERNEL").className());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> core.lookups().require(AttentionBackendId.FAMILY, "FLASH"));
        assertEquals("Unknown attention backend: 'FLASH'. Valid options are: " + ALL_ATTENTION_NAMES + ", MY_KERNEL",
                unknown.getMessage());
        IllegalStateException unserved = assertThrows(IllegalStateException.class,
                () -> core.lookups().require(AttentionBackendId.FAMILY, "CUSTOM"));
        assertTrue(unserved.getMessage().startsWith("Backend CUSTOM must be registered before use."));
        assertThrows(IllegalStateException.class, () -> core.lookups().require(AttentionBackendId.FAMILY, "FLASH_ATTN_VLLM_V1"));
    }

    @Test
    void aDeprecatedNameResolvesToItsCurrentName() {
        assertSame(AttentionBackendId.FLASH_ATTN, core.lookups().lookup(AttentionBackendId.FAMILY, "FLASH_ATTN_VLLM_V1"));
    }

    @Test
    void customIsDistinctFromEveryOtherNameAndHasNoDefault() {
        for (AttentionBackendId id : AttentionBackendId.values()) {
            assertEquals(id == AttentionBackendId.CUSTOM, id.defaultClassName().isEmpty(), id.name());
        }
        assertEquals(AttentionBackendId.values().length,
                Arrays.stream(AttentionBackendId.values()).map(id -> id.defaultClassName().orElse("none")).distinct().count());
    }
}
