package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.Mamba;
import org.backendregistry.internal.core.TestBackends.Registered;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The core trusts no family or id a caller hands in: an unknown family is named, a hand-made id is replaced. */
class CallerInputTest extends CoreFixture {

    @Test
    void aFamilyTheRegistryDoesNotServeIsRejectedByName() {
        RegistryCore attentionOnly = new RegistryCore(List.of(AttentionBackendId.FAMILY), change -> { }, log);
        String unknown = "Unknown backend family 'mamba attention': this registry serves attention";

        for (Executable call : List.<Executable>of(
                () -> attentionOnly.lookups().lookup(MambaBackendId.FAMILY, "MAMBA1"),
                () -> attentionOnly.lookups().served(MambaBackendId.MAMBA1),
                () -> attentionOnly.lookups().require(MambaBackendId.FAMILY, "MAMBA1"),
                () -> attentionOnly.register(MambaBackendId.MAMBA1, new Mamba(), PLUGIN),
                () -> attentionOnly.track(MambaBackendId.FAMILY, 1, PLUGIN, name -> "MAMBA1", new FakeService(null)))) {
            assertEquals(unknown, assertThrows(IllegalArgumentException.class, call).getMessage());
        }
    }

    @Test
    void aHandMadeIdWithAnInvalidNameIsRejectedAndLeavesNoName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> core.register(new HandMadeId("my kernel"), new Registered(), PLUGIN));

        assertEquals("Invalid attention backend name: 'my kernel' is not a valid backend name: names match "
                + "[A-Z][A-Z0-9_]* (upper-case letters, digits, underscores); did you mean 'MY_KERNEL'?", error.getMessage());
        assertEquals(List.copyOf(AttentionBackendId.FAMILY.catalog()), core.lookups().names(AttentionBackendId.FAMILY));
    }

    @Test
    void aHandMadeIdIsReplacedByTheRegistrysOwnAndNeverCalledUnderALock() {
        HandMadeId handMade = new HandMadeId("MY_KERNEL");
        BackendId<AttentionBackend> own = AttentionBackendId.FAMILY.id("MY_KERNEL");

        core.register(handMade, new Registered(), PLUGIN);
        List<BackendId<AttentionBackend>> names = core.lookups().names(AttentionBackendId.FAMILY);
        core.retry(handMade);
        core.clearOverride(handMade);

        assertEquals(own, names.get(names.size() - 1)); // equal only to an id the registry made
        assertFalse(core.lookups().isKnown(own), "cleared through the hand-made id");
        assertFalse(handMade.calls.isEmpty());
        assertTrue(handMade.calls.stream().noneMatch(held -> held), "called under the family lock");
    }

    /** An id a caller made itself instead of asking the family or the registry for one. */
    private final class HandMadeId implements BackendId<AttentionBackend> {
        final List<Boolean> calls = new CopyOnWriteArrayList<>();
        private final String name;

        HandMadeId(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            calls.add(Thread.holdsLock(core.table(AttentionBackendId.FAMILY).lock));
            return name;
        }

        @Override
        public BackendFamily<AttentionBackend> family() {
            calls.add(Thread.holdsLock(core.table(AttentionBackendId.FAMILY).lock));
            return AttentionBackendId.FAMILY;
        }

        @Override
        public Optional<String> defaultClassName() {
            return Optional.empty();
        }

        @Override
        public boolean isCatalog() {
            return false;
        }
    }
}
