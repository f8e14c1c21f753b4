package org.backendregistry.internal.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;

/** A core with both families, a recording logger and the list of changes it announced. */
class CoreFixture {

    static final Owner DEFAULTS = new Owner(5, "org.backendregistry.backends.cuda", "1.0.0");
    static final Owner PLUGIN = new Owner(9, "com.example.plugin", "2.1.0");

    final RecordingLogger log = new RecordingLogger();
    final List<BackendChange> changes = new CopyOnWriteArrayList<>();
    final RegistryCore core = new RegistryCore(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY), changes::add,
            log);

    TrackedService track(FakeService service) {
        return track(AttentionBackendId.FAMILY, service, PLUGIN);
    }

    TrackedService track(BackendFamily<?> family, FakeService service, Owner owner) {
        return core.track(family, service.serviceId, owner, service.properties::get, service);
    }

    /** Applies a configuration with one property, e.g. {@code configure("pins", "FLASH_ATTN=...")}. */
    void configure(String key, Object value) {
        applyConfiguration(Map.of(key, value));
    }

    void applyConfiguration(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    void modify(TrackedService tracked, FakeService service) {
        core.modified(tracked, service.properties::get);
    }

    String path(AttentionBackendId id) {
        return core.lookups().require(id).className();
    }

    boolean isOverridden(AttentionBackendId id) {
        Served served = core.lookups().served(id);
        return served != null && served.isOverridden();
    }
}
