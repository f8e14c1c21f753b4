package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.BackendChange;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

class ChangesTest extends CoreFixture {

    private static FakeService defaultFlash() {
        return FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault();
    }

    @Test
    void eachChangeOfTheServingProviderIsAnnouncedOnceWithPreviousAndCurrent() {
        track(AttentionBackendId.FAMILY, defaultFlash(), DEFAULTS);
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);
        modify(tracked, override.ranking(3)); // same provider, same object: not a change
        core.untrack(tracked);

        assertEquals(3, changes.size(), changes.toString());
        BackendChange toOverride = changes.get(1);
        assertEquals(FLASH_ATTN, toOverride.id());
        assertEquals("FLASH_ATTN: now com.example.plugin/" + OverrideA.class.getName() + " (was "
                + "org.backendregistry.backends.cuda/" + DefaultImpl.class.getName() + ")", toOverride.toString());
        assertEquals(changes.get(1).current(), changes.get(2).previous());
        assertEquals(changes.get(0).current(), changes.get(2).current());
        assertTrue(changes.get(0).generation() < changes.get(1).generation()
                && changes.get(1).generation() < changes.get(2).generation());
        assertEquals(changes.get(2).generation(), core.generation());
    }

    @Test
    void aChangeOfAMambaNameSaysItsFamily() {
        core.register(MambaBackendId.CUSTOM, new TestBackends.Mamba(), PLUGIN);

        assertEquals("mamba attention CUSTOM: now com.example.plugin/" + TestBackends.Mamba.class.getName() + " (was nothing)",
                changes.get(0).toString());
    }

    @Test
    void theNewStateIsVisibleWhenTheChangeIsAnnounced() {
        AtomicReference<RegistryCore> self = new AtomicReference<>();
        AtomicReference<String> seen = new AtomicReference<>();
        RegistryCore observed = new RegistryCore(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY),
                change -> seen.set(self.get().lookups().require(FLASH_ATTN).className()), log);
        self.set(observed);
        FakeService flash = defaultFlash();

        observed.track(AttentionBackendId.FAMILY, flash.serviceId, DEFAULTS, flash.properties::get, flash);

        assertEquals(DefaultImpl.class.getName(), seen.get());
    }
}
