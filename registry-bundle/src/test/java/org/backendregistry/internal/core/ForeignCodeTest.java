package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.Registered;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

/**
 * Everything the core calls that is not its own — the logger, a service's source, the change sink, a
 * caller's {@link BackendId} — runs with no family lock held.
 */
class ForeignCodeTest {

    private final List<String> callsUnderLock = new CopyOnWriteArrayList<>();
    private final RecordingLogger log = new RecordingLogger() {
        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            check("logger");
            super.log(level, bundle, format, params);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            check("logger");
            super.log(level, bundle, message, thrown);
        }
    };
    private final RegistryCore core = new RegistryCore(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY),
            change -> check("change sink"), log);

    @Test
    void noForeignCodeRunsUnderAFamilyLockThroughoutTheRegistrysOperations() {
        track(new CheckedSource(new DefaultImpl("FLASH_ATTN")), Map.of("backend.name", "FLASH_ATTN", "backend.default", true));
        track(new CheckedSource(new OverrideA("FLASH_ATTN")), Map.of("backend.name", "FLASH_ATTN", "service.ranking", "7"));
        track(new CheckedSource(null), Map.of("backend.name", "FLASH_ATTN", "service.ranking", 9));
        track(new CheckedSource("not a backend"), Map.of("backend.name", "FLASH_ATTN", "service.ranking", 10));
        track(new CheckedSource(new OverrideA("X")), Map.of("backend.name", "flash_attn"));
        track(new CheckedSource(new OverrideA("X")), Map.of("backend.name", "FLASH_ATTN_VLLM_V1"));
        TrackedService plugin = track(new CheckedSource(new OverrideA("X")), Map.of("backend.name", "MY_KERNEL"));
        configure(Map.of("pins", "FLASH_ATTN=" + OverrideA.class.getName() + ", TRITON_ATTN=com.example.Missing"));
        configure(Map.of("catalog.closed", true, "deprecation.warnings", true));
        configure(Map.of());

        BackendId<AttentionBackend> callersId = new CallersId("MY_KERNEL");
        Object registration = core.register(callersId, new Registered(), CoreFixture.PLUGIN);
        core.retry(callersId);
        core.clearOverride(callersId);
        core.unregister(registration);
        core.register(new CallersId("CALLERS_KERNEL"), new Registered(), CoreFixture.PLUGIN);
        core.clearOverride(new CallersId("FLASH_ATTN"));
        core.untrack(plugin);

        assertEquals(List.of(), callsUnderLock);
    }

    private TrackedService track(CheckedSource source, Map<String, Object> properties) {
        return core.track(AttentionBackendId.FAMILY, source.serviceId, CoreFixture.PLUGIN, properties::get, source);
    }

    private void configure(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    private void check(String what) {
        for (BackendFamily<?> family : List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)) {
            if (Thread.holdsLock(core.table(family).lock)) {
                callsUnderLock.add(what + " under the " + family + " lock");
            }
        }
    }

    /** A service source that notes every call made to it under a lock. */
    private final class CheckedSource implements ServiceSource {
        private static long nextServiceId = 10_000;
        final long serviceId = nextServiceId++;
        private final Object object;

        CheckedSource(Object object) {
            this.object = object;
        }

        @Override
        public Object get() {
            check("getService");
            return object;
        }

        @Override
        public void unget() {
            check("ungetService");
        }
    }

    /** A caller's own implementation of BackendId, which the API does not forbid. */
    private final class CallersId implements BackendId<AttentionBackend> {
        private final String name;

        CallersId(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            check("BackendId.name");
            return name;
        }

        @Override
        public BackendFamily<AttentionBackend> family() {
            check("BackendId.family");
            return AttentionBackendId.FAMILY;
        }

        @Override
        public Optional<String> defaultClassName() {
            check("BackendId.defaultClassName");
            return Optional.empty();
        }

        @Override
        public boolean isCatalog() {
            check("BackendId.isCatalog");
            return false;
        }
    }
}
