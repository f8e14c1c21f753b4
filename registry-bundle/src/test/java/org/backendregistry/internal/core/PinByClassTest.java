package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pin by class name finds every present provider of that class, whether its class was known before or not. */
class PinByClassTest extends CoreFixture {

    @BeforeEach
    void aDefaultAndAHigherRankedOverrideArePresent() {
        track(FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault());
        track(FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(10));
    }

    @Test
    void aPlainServiceThatNeverServedIsFoundByItsClass() {
        FakeService plain = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        track(plain);

        configure("pins", "FLASH_ATTN=" + OverrideA.class.getName());

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aPlainServiceThatArrivesWhilePinnedIsFoundByItsClass() {
        configure("pins", "FLASH_ATTN=" + OverrideA.class.getName());

        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aComponentNamedOtherwiseThanItsClassIsFoundByItsClass() {
        FakeService component = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        component.properties.put("component.name", "flash.attention.jvm");
        track(component);

        configure("pins", "FLASH_ATTN=" + OverrideA.class.getName());

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aStrictPinToAClassNoProviderHasLeavesTheNameUnservedWithTheReason() {
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));

        configure("pins", "FLASH_ATTN=com.example.Missing");

        assertEquals(null, core.lookups().served(FLASH_ATTN));
        assertEquals(true, core.table(FLASH_ATTN.family()).slot(FLASH_ATTN).problem().contains("no provider matches it"));
    }

    @Test
    void providersProbedForTheirClassAreGivenBackWhenTheyDoNotServe() {
        FakeService plain = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        track(plain);

        configure("pins", "FLASH_ATTN=" + DefaultImpl.class.getName());

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, plain.inUse(), "obtained to learn its class, then given back");
    }
}
