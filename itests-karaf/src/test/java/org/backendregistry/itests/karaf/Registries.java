package org.backendregistry.itests.karaf;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Looks at the registry from the probe. Kept apart from the test classes' signatures: the probe imports the
 * registry's API dynamically, so this class loads only once a feature has installed the registry.
 */
final class Registries {

    private Registries() {
    }

    /** @return the registry, once Karaf has started it (features install on Karaf's own threads) */
    static BackendRegistry registry(BundleContext context) throws InterruptedException {
        ServiceTracker<BackendRegistry, BackendRegistry> tracker = new ServiceTracker<>(context, BackendRegistry.class, null);
        tracker.open();
        try {
            if (tracker.waitForService(KarafTestSupport.TIMEOUT_MS) == null) {
                throw new AssertionError("No BackendRegistry service within " + KarafTestSupport.TIMEOUT_MS + " ms");
            }
            // the probe's own use of the service, which outlives the tracker
            return context.getService(tracker.getServiceReference());
        } finally {
            tracker.close();
        }
    }

    /** @return every catalog id of both families that has a default implementation */
    static List<BackendId<?>> catalogIdsWithDefaults() {
        return Stream.<BackendId<?>>concat(Stream.of(AttentionBackendId.values()), Stream.of(MambaBackendId.values()))
                .filter(id -> id.defaultClassName().isPresent())
                .toList();
    }

    /** @return "NAME -> provider" for each catalog name that its default does not serve now; empty when all do */
    static List<String> notServedByDefault(BackendRegistry registry) {
        return catalogIdsWithDefaults().stream()
                .filter(id -> !registry.serving(id)
                        .map(p -> p.isDefault() && id.defaultClassName().orElseThrow().equals(p.className()))
                        .orElse(false))
                .map(id -> id + " -> " + registry.serving(id).map(BackendProvider::toString).orElse("nothing"))
                .toList();
    }

    /** Waits, bounded, until every catalog name is served by its default; fails naming each one that is not. */
    static void awaitEveryDefaultServing(BackendRegistry registry) {
        KarafTestSupport.waitingAtMost(KarafTestSupport.TIMEOUT_MS).untilAsserted(() -> assertEquals(
                "names not served by their default", List.of(), notServedByDefault(registry)));
    }
}
