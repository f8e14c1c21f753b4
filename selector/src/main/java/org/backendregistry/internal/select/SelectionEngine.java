package org.backendregistry.internal.select;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.InvalidBackendChoiceException;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;

/**
 * vLLM's {@code get_attn_backend_cls}, over live providers: checks each candidate against the capabilities
 * of the provider that serves its name now and chooses the first that fits, or exactly the explicit choice.
 */
final class SelectionEngine {

    private SelectionEngine() {
    }

    /**
     * @param priorities the device's priority list; plugin names whose provider declares the device's
     *                   platform follow it
     * @throws NoValidBackendException when no candidate fits
     */
    static Selection automatic(AttentionSelectorConfig config, Device device, List<String> priorities,
            ProviderView view) {
        Set<String> names = new LinkedHashSet<>(priorities);
        for (String plugin : view.pluginNames()) {
            ProviderView.Serving serving = view.serving(plugin);
            if (serving != null && serving.backend().capabilities().platform() == device.platform()) {
                names.add(plugin);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        ProviderView.Serving chosen = null;
        String chosenName = null;
        for (String name : names) {
            ProviderView.Serving serving = servingOrNull(view, name);
            List<String> reasons = reasons(config, device, view, name, serving);
            boolean choose = chosen == null && reasons.isEmpty();
            if (choose) {
                chosen = serving;
                chosenName = name;
            }
            candidates.add(new Candidate(name, provider(serving), reasons, choose));
        }
        if (chosen == null) {
            throw new NoValidBackendException(device, config, candidates);
        }
        return new Selection(config, device, chosenName, chosen.provider(), chosen.backend(), candidates, false,
                view::lease);
    }

    /**
     * @throws InvalidBackendChoiceException when the name's provider does not fit, or nothing serves it
     * @throws IllegalArgumentException      when the name is unknown
     */
    static Selection explicit(AttentionSelectorConfig config, Device device, String name, ProviderView view) {
        ProviderView.Serving serving = view.serving(name);
        List<String> reasons = reasons(config, device, view, name, serving);
        if (!reasons.isEmpty()) {
            throw new InvalidBackendChoiceException(name, reasons);
        }
        return new Selection(config, device, name, serving.provider(), serving.backend(),
                List.of(new Candidate(name, provider(serving), reasons, true)), true, view::lease);
    }

    private static ProviderView.Serving servingOrNull(ProviderView view, String name) {
        try {
            return view.serving(name);
        } catch (IllegalArgumentException unknown) {
            // a configured priority list may name a plugin that is not deployed: it has no provider
            return null;
        }
    }

    private static List<String> reasons(AttentionSelectorConfig config, Device device, ProviderView view, String name,
            ProviderView.Serving serving) {
        if (serving == null) {
            return List.of(view.notServed(name));
        }
        ComputeCapability capability = device.computeCapability().orElse(null);
        return CapabilityCheck.reasons(serving.backend().capabilities(), config, capability);
    }

    private static Optional<BackendProvider> provider(ProviderView.Serving serving) {
        return Optional.ofNullable(serving).map(ProviderView.Serving::provider);
    }
}
