package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.internal.core.TestBackends.Registered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClearOverrideTest extends CoreFixture {

    @BeforeEach
    void defaultServes() {
        track(FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault());
    }

    @Test
    void clearOverrideRevertsToTheDefault() {
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        core.register(FLASH_ATTN, new Registered(), PLUGIN);

        core.clearOverride(FLASH_ATTN);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertFalse(isOverridden(FLASH_ATTN));
    }

    @Test
    void aSetAsideServiceStaysAsideWhenItsPropertiesChange() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        core.clearOverride(FLASH_ATTN);

        modify(tracked, override.ranking(99));

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, override.inUse(), "a set-aside provider's object is given back");
    }

    @Test
    void aNewRegistrationOverridesAgainAfterClearOverride() {
        TrackedService old = track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        core.clearOverride(FLASH_ATTN);
        core.untrack(old);

        track(FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN"));

        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
        assertTrue(isOverridden(FLASH_ATTN));
    }

    @Test
    void aLaterProgrammaticRegistrationOverridesAgain() {
        core.register(FLASH_ATTN, new OverrideA("FLASH_ATTN"), PLUGIN);
        core.clearOverride(FLASH_ATTN);

        core.register(FLASH_ATTN, new Registered(), PLUGIN);

        assertEquals(Registered.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void clearOverrideOnANameThatIsNotOverriddenChangesNothing() {
        long before = core.generation();
        int announced = changes.size();

        core.clearOverride(FLASH_ATTN);
        core.clearOverride(org.backendregistry.attention.AttentionBackendId.CUSTOM);

        assertEquals(before, core.generation());
        assertEquals(announced, changes.size());
        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
    }
}
