package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.backendregistry.attention.AttentionBackendId.TRITON_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.internal.core.TestBackends.Registered;
import org.junit.jupiter.api.Test;

class PrecedenceTest extends CoreFixture {

    private final FakeService defaultFlash = FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault();

    @Test
    void aDefaultServesItsNameAndIsNotAnOverride() {
        track(defaultFlash);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertFalse(isOverridden(FLASH_ATTN));
    }

    @Test
    void anOverrideBeatsTheDefaultWhateverTheirRankings() {
        track(defaultFlash.ranking(1000));
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(-5));

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
        assertTrue(isOverridden(FLASH_ATTN));
    }

    @Test
    void theHigherRankedOverrideServes() {
        track(defaultFlash);
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(1));
        track(FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(7));

        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void withEqualRankingsTheLowerServiceIdServes() {
        track(defaultFlash);
        FakeService first = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(3);
        FakeService second = FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(3);
        track(second);
        track(first);

        assertTrue(first.serviceId < second.serviceId);
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aRankingChangedAtRuntimeResorts() {
        track(defaultFlash);
        FakeService a = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(5);
        FakeService b = FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(1);
        track(a);
        TrackedService trackedB = track(b);
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));

        modify(trackedB, b.ranking(10));

        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
        assertEquals(0, a.inUse(), "the shadowed override's object is given back");
    }

    @Test
    void aNameChangedAtRuntimeMovesTheProviderAndTheOldNameRevertsToItsDefault() {
        track(defaultFlash);
        track(FakeService.of(new DefaultImpl("TRITON_ATTN"), "TRITON_ATTN").asDefault());
        FakeService moving = FakeService.of(new OverrideA("X"), "FLASH_ATTN");
        TrackedService tracked = track(moving);
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));

        moving.properties.put("backend.name", "TRITON_ATTN");
        modify(tracked, moving);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(OverrideA.class.getName(), path(TRITON_ATTN));
    }

    @Test
    void programmaticRegistrationsBeatServicesNewestFirstAndCloseReverts() {
        track(defaultFlash);
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(Integer.MAX_VALUE));
        Object older = core.register(FLASH_ATTN, new Registered(), PLUGIN);
        Object newer = core.register(FLASH_ATTN, new OverrideB("FLASH_ATTN"), PLUGIN);
        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));

        core.unregister(newer);
        assertEquals(Registered.class.getName(), path(FLASH_ATTN));
        core.unregister(older);
        core.unregister(older);
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void removingTheServingOverrideRevertsAndGivesItsObjectBack() {
        track(defaultFlash);
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        assertEquals(1, override.inUse());
        assertEquals(0, defaultFlash.inUse(), "a shadowed default is not held");

        core.untrack(tracked);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, override.inUse());
        assertEquals(1, defaultFlash.inUse());
    }

    @Test
    void whileTheRegistryStopsAProviderThatGoesIsNotReplacedByObtainingTheNext() {
        track(defaultFlash);
        TrackedService override = track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        int getsBefore = defaultFlash.gets;

        core.close();
        core.untrack(override);

        assertEquals(null, core.lookups().served(FLASH_ATTN));
        assertEquals(getsBefore, defaultFlash.gets, "stopping activates nothing");
        assertEquals(0, defaultFlash.inUse());
    }

    @Test
    void theServedObjectIsTheOneTheServiceGave() {
        OverrideA object = new OverrideA("FLASH_ATTN");
        track(defaultFlash);
        track(FakeService.of(object, "FLASH_ATTN"));

        assertSame(object, core.lookups().require(FLASH_ATTN).object());
    }

    @Test
    void pathWithoutClassNameIsThePackage() {
        track(defaultFlash);

        assertEquals(DefaultImpl.class.getPackageName(), core.lookups().require(FLASH_ATTN).packageName());
    }
}
