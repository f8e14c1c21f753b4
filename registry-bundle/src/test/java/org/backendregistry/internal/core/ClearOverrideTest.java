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
    void clearOverrideAgainOnANameWhoseOverrideIsAlreadyAsideChangesNothing() {
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        core.clearOverride(FLASH_ATTN);
        long before = core.generation();

        core.clearOverride(FLASH_ATTN);

        assertEquals(before, core.generation());
        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
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

    @Test
    void aSetAsideServiceThatBecomesADefaultServesAsOne() {
        core.untrack(core.lookups().served(FLASH_ATTN).provider().service());
        track(FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault().ranking(-5));
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        core.clearOverride(FLASH_ATTN);

        modify(tracked, override.asDefault().ranking(10));

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN), "the highest-ranked default serves");
        assertFalse(isOverridden(FLASH_ATTN));
    }

    @Test
    void aSetAsideServiceThatMovesToAnotherNameServesThatName() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        core.clearOverride(FLASH_ATTN);

        override.properties.put("backend.name", "TRITON_ATTN");
        modify(tracked, override);

        assertEquals(OverrideA.class.getName(), path(org.backendregistry.attention.AttentionBackendId.TRITON_ATTN));
        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aSetAsideServiceThatMovesAwayAndBackIsNoLongerAside() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        core.clearOverride(FLASH_ATTN);

        override.properties.put("backend.name", "TRITON_ATTN");
        modify(tracked, override);
        override.properties.put("backend.name", "FLASH_ATTN");
        modify(tracked, override);

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN), "it took a new role in between");
    }

    @Test
    void aSetAsideServiceWhosePropertiesMakeItNoProviderForAWhileStaysAside() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        core.clearOverride(FLASH_ATTN);

        override.properties.put("backend.name", "flash attn");
        modify(tracked, override);
        override.properties.put("backend.name", "FLASH_ATTN");
        modify(tracked, override);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void clearOverrideSetsAsideOverridesThatDoNotServeBecauseOfAPin() {
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        configure("pins", "FLASH_ATTN=" + DEFAULTS.symbolicName());
        core.clearOverride(FLASH_ATTN);

        applyConfiguration(java.util.Map.of());

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN), "the override was set aside while pinned away");
    }
}
