package org.backendregistry.internal.select;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;

/** The live registry as the selection sees it: who serves a name now, and why nothing does. */
final class RegistryProviders implements ProviderView {

    private static final int ATTEMPTS = 3;

    private final BackendRegistry registry;
    private final Supplier<BackendRegistryRuntime> runtime;

    /**
     * @param registry the registry
     * @param runtime  the registry's runtime view, or {@code null} while there is none (then every unserved
     *                 name reads {@code no provider})
     */
    RegistryProviders(BackendRegistry registry, Supplier<BackendRegistryRuntime> runtime) {
        this.registry = registry;
        this.runtime = runtime;
    }

    @Override
    public Serving serving(String name) {
        BackendId<AttentionBackend> id = registry.lookup(AttentionBackendId.FAMILY, name);
        // the provider and the object are read apart: read the provider again so that both are of one moment
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<BackendProvider> before = registry.serving(id);
            if (before.isEmpty()) {
                return null;
            }
            AttentionBackend backend;
            try {
                backend = registry.backend(id);
            } catch (IllegalStateException goneMeanwhile) {
                continue;
            }
            if (before.equals(registry.serving(id))) {
                return new Serving(before.get(), backend);
            }
        }
        return null;
    }

    @Override
    public String notServed(String name) {
        BackendRegistryRuntime view = runtime.get();
        if (view == null) {
            return "no provider";
        }
        String family = AttentionBackendId.FAMILY.displayName();
        return Arrays.stream(view.getRuntimeDTO().names)
                .filter(dto -> family.equals(dto.family) && name.equals(dto.name) && dto.notServing != null)
                .findFirst().map(RegistryProviders::why).orElse("no provider");
    }

    private static String why(NameDTO name) {
        List<NotServingReason> reasons = Arrays.stream(name.notServing).map(dto -> dto.reason)
                .filter(Objects::nonNull).toList();
        if (reasons.contains(NotServingReason.PINNED_AWAY) || name.pin != null && !reasons.isEmpty()) {
            return "pinned away";
        }
        if (reasons.contains(NotServingReason.DENIED_BY_POLICY)) {
            return "denied by policy";
        }
        return "no provider";
    }

    @Override
    public BackendLease<AttentionBackend> lease(String name) {
        return registry.lease(AttentionBackendId.FAMILY, name);
    }

    @Override
    public List<String> pluginNames() {
        return registry.names(AttentionBackendId.FAMILY).stream().filter(id -> !(id instanceof AttentionBackendId))
                .map(BackendId::name).toList();
    }
}
