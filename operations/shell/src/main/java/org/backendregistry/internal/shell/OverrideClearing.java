package org.backendregistry.internal.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;

/**
 * {@code backend:clear}: sets aside every override of a name through {@code clearOverride}, whether it
 * serves or not (an override pinned away or shadowed is set aside too), and says which ones it set aside.
 */
final class OverrideClearing {

    private final BackendRegistry registry;
    private final BackendRegistryRuntime runtime;

    OverrideClearing(BackendRegistry registry, BackendRegistryRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
    }

    /** @return what was set aside and who serves the name now, or that there was nothing to clear */
    String clear(String nameArgument) {
        BackendId<?> id = NameArgument.resolve(registry, nameArgument);
        Optional<NameDTO> before = NameEntries.find(runtime.getRuntimeDTO(), id);
        List<ProviderDTO> overrides = before.map(OverrideClearing::overrides).orElse(List.of());
        if (overrides.isEmpty()) {
            return String.join("\n", report(NameArgument.display(id), overrides, before.orElse(null)));
        }
        registry.clearOverride(id);
        NameDTO after = NameEntries.find(runtime.getRuntimeDTO(), id).orElse(null);
        return String.join("\n", report(NameArgument.display(id), overrides, after));
    }

    /** @return the name's override services and registrations that are not set aside yet, serving or not */
    static List<ProviderDTO> overrides(NameDTO name) {
        Stream<ProviderDTO> serving = Stream.ofNullable(name.serving);
        Stream<ProviderDTO> others = notServing(name).stream().filter(n -> n.reason != NotServingReason.SET_ASIDE)
                .map(n -> n.provider);
        return Stream.concat(serving, others).filter(provider -> !provider.isDefault).toList();
    }

    /**
     * @param overrides what {@link #overrides} found before {@code clearOverride}; empty when it was not called
     * @param after     the name's entry now, or {@code null} when the registry no longer knows the name
     * @return the answer's lines: what was cleared, one line per override set aside or withdrawn, who serves
     */
    static List<String> report(String display, List<ProviderDTO> overrides, NameDTO after) {
        List<String> lines = new ArrayList<>();
        lines.add(overrides.isEmpty() ? display + " has no override to set aside; nothing to clear."
                : "Cleared the overrides of " + display + ".");
        for (ProviderDTO override : overrides) {
            if (isSetAside(after, override)) {
                lines.add("Set aside " + ProviderText.label(override) + " " + ProviderText.facts(override) + ".");
            } else if (ProviderText.REGISTRATION.equals(override.origin) && !isPresent(after, override)) {
                lines.add("Withdrew " + ProviderText.label(override) + " " + ProviderText.facts(override) + ".");
            }
        }
        lines.add(after == null ? "Nothing serves " + display + "." : NameReport.serving(after));
        return lines;
    }

    private static boolean isSetAside(NameDTO name, ProviderDTO provider) {
        return name != null && notServing(name).stream()
                .anyMatch(n -> n.reason == NotServingReason.SET_ASIDE && same(n.provider, provider));
    }

    private static boolean isPresent(NameDTO name, ProviderDTO provider) {
        return name != null && ((name.serving != null && same(name.serving, provider))
                || notServing(name).stream().anyMatch(n -> same(n.provider, provider)));
    }

    private static boolean same(ProviderDTO a, ProviderDTO b) {
        return a.id == b.id && Objects.equals(a.origin, b.origin);
    }

    private static List<NotServingDTO> notServing(NameDTO name) {
        return name.notServing == null ? List.of() : Arrays.asList(name.notServing);
    }
}
