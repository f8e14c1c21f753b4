package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.junit.jupiter.api.Test;

/** Plugin names come and go with their providers; the registry keeps nothing of a name that went. */
class RetentionTest extends CoreFixture {

    @Test
    void aPluginNameWhoseLastProviderWentLeavesNothingBehind() {
        FakeService plugin = FakeService.of(new OverrideB("MY_KERNEL"), "MY_KERNEL");
        TrackedService tracked = track(plugin);

        core.untrack(tracked);

        assertNull(core.table(AttentionBackendId.FAMILY).slot("MY_KERNEL"));
        assertEquals(0, plugin.inUse());
    }

    @Test
    void aProviderRenamedAwayFromAPluginNameLeavesNothingBehind() {
        FakeService plugin = FakeService.of(new OverrideB("MY_KERNEL"), "MY_KERNEL");
        TrackedService tracked = track(plugin);

        plugin.properties.put("backend.name", "FLASH_ATTN");
        modify(tracked, plugin);

        assertNull(core.table(AttentionBackendId.FAMILY).slot("MY_KERNEL"));
        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
        assertEquals(1, plugin.inUse());
    }
}
