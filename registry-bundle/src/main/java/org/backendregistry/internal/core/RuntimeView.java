package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.runtime.DrainTimeoutDTO;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.internal.names.NameMessages;

/**
 * Builds the runtime DTO from the core's tables, holding every family lock at once so that the
 * snapshot is consistent with one generation. Only reads data: no foreign code runs under the locks.
 */
public final class RuntimeView {

    private final RegistryCore core;

    public RuntimeView(RegistryCore core) {
        this.core = core;
    }

    /** @return the registry's state now */
    public RegistryRuntimeDTO snapshot() {
        return lockAll(0);
    }

    private RegistryRuntimeDTO lockAll(int familyIndex) {
        if (familyIndex < core.families().size()) {
            synchronized (core.table(core.families().get(familyIndex)).lock) {
                return lockAll(familyIndex + 1);
            }
        }
        RegistryRuntimeDTO dto = new RegistryRuntimeDTO();
        dto.generation = core.generation();
        List<NameDTO> names = new ArrayList<>();
        List<FailedServiceDTO> failures = new ArrayList<>();
        RegistryConfiguration configuration = core.configuration();
        for (BackendFamily<?> family : core.families()) {
            FamilyTable table = core.table(family);
            for (NameSlot slot : table.slots()) {
                if (slot.id().isCatalog() || (slot.hasProviders() && slot.admitted(configuration))) {
                    names.add(name(table, slot, configuration));
                }
            }
            for (TrackedService service : table.services) {
                if (service.failure != null) {
                    failures.add(failure(service));
                }
            }
        }
        dto.names = names.toArray(new NameDTO[0]);
        dto.failedServices = failures.toArray(new FailedServiceDTO[0]);
        dto.configurationProblems = configuration.problems().toArray(new String[0]);
        dto.drainTimeouts = core.drainTimeouts().stream().map(RuntimeView::drainTimeout).toArray(DrainTimeoutDTO[]::new);
        return dto;
    }

    private static NameDTO name(FamilyTable table, NameSlot slot, RegistryConfiguration configuration) {
        NameDTO dto = new NameDTO();
        dto.family = table.family().displayName();
        dto.name = slot.id().name();
        dto.catalog = slot.id().isCatalog();
        dto.defaultClassName = slot.id().defaultClassName().orElse(null);
        dto.pin = slot.pin();
        Served served = slot.served();
        if (served != null) {
            dto.serving = provider(served.description(), served.provider());
            dto.serving.openLeases = served.hold().open();
            dto.overridden = served.isOverridden();
        } else {
            dto.problem = slot.problem() != null ? slot.problem() : notServedProblem(slot);
        }
        CandidateOrder order = slot.order(table.setAsideServices, configuration);
        List<NotServingDTO> notServing = new ArrayList<>();
        for (Provider provider : slot.providers()) {
            if (served == null || !provider.sameAs(served.provider())) {
                notServing.add(notServing(slot, provider, order, served, configuration));
            }
        }
        dto.notServing = notServing.toArray(new NotServingDTO[0]);
        return dto;
    }

    private static String notServedProblem(NameSlot slot) {
        return slot.hasProviders() ? "No provider of " + slot.id().name() + " could be obtained: see why below."
                : NameMessages.notRegistered(slot.id());
    }

    private static NotServingDTO notServing(NameSlot slot, Provider provider, CandidateOrder order, Served served,
            RegistryConfiguration configuration) {
        NotServingDTO dto = new NotServingDTO();
        dto.provider = provider(provider.description().withClassName(provider.className()), provider);
        Map<Provider, NotServingReason> excluded = order.excluded();
        NotServingReason failure = provider.acquisition().failure();
        if (excluded.containsKey(provider)) {
            dto.reason = excluded.get(provider);
            dto.detail = exclusionDetail(excluded.get(provider), provider, configuration);
        } else if (failure != null) {
            dto.reason = failure;
            dto.detail = provider.acquisition().failureDetail();
        } else if (order.isPinnedAway(provider)) {
            dto.reason = NotServingReason.PINNED_AWAY;
            dto.detail = order.problem() != null ? "the name is pinned to a provider that is not present"
                    : "the name is pinned to " + slot.pin();
        } else {
            dto.reason = NotServingReason.SHADOWED;
            dto.detail = served == null ? "not tried yet" : "shadowed by " + served.provider();
        }
        if (served != null && (dto.reason == NotServingReason.SHADOWED || dto.reason == NotServingReason.PINNED_AWAY)) {
            dto.servedInstead = served.description().id();
        }
        return dto;
    }

    private static String exclusionDetail(NotServingReason reason, Provider provider,
            RegistryConfiguration configuration) {
        if (reason == NotServingReason.SET_ASIDE) {
            return "set aside by clearOverride; it serves again only if it registers anew";
        }
        String bundle = provider.description().bundleSymbolicName();
        if (provider.kind() != ProviderKind.DEFAULT && !configuration.trusts(bundle)) {
            return "bundle " + bundle + " matches no pattern of trusted.bundles";
        }
        return "imported from " + provider.remote() + "; remote.policy=local-only admits local providers only";
    }

    private static ProviderDTO provider(BackendProvider provider, Provider source) {
        ProviderDTO dto = new ProviderDTO();
        dto.origin = provider.origin().name();
        dto.id = provider.id();
        dto.bundleId = provider.bundleId();
        dto.bundleSymbolicName = provider.bundleSymbolicName();
        dto.bundleVersion = provider.bundleVersion();
        dto.ranking = provider.ranking();
        dto.isDefault = provider.isDefault();
        dto.className = provider.className();
        if (source != null) {
            dto.failureCount = source.acquisition().failureCount();
            dto.lastFailureTime = source.acquisition().lastFailureMillis();
            RemoteOrigin remote = source.remote();
            dto.imported = remote != null;
            if (remote != null) {
                dto.endpointFrameworkUuid = remote.frameworkUuid();
                dto.endpointId = remote.endpointId();
            }
        }
        return dto;
    }

    private static DrainTimeoutDTO drainTimeout(Drain.TimedOut departure) {
        DrainTimeoutDTO dto = new DrainTimeoutDTO();
        if (departure.id() != null) {
            dto.family = departure.id().family().displayName();
            dto.name = departure.id().name();
        }
        if (departure.provider() != null) {
            dto.provider = provider(departure.provider(), null);
        }
        dto.openLeases = departure.openLeases();
        dto.threads = departure.threads().toArray(new String[0]);
        dto.timeout = departure.timeout();
        dto.time = departure.atMillis();
        return dto;
    }

    private static FailedServiceDTO failure(TrackedService service) {
        FailedServiceDTO dto = new FailedServiceDTO();
        dto.family = service.family.displayName();
        dto.serviceId = service.serviceId;
        dto.bundleId = service.owner.bundleId();
        dto.bundleSymbolicName = service.owner.symbolicName();
        dto.reason = service.failure;
        dto.value = service.value;
        dto.detail = service.problem;
        return dto;
    }
}
