package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backendregistry.api.runtime.NotServingReason;

/**
 * The order in which the providers of one name are tried, after the operator's decisions: providers
 * set aside by {@code clearOverride} and overrides from untrusted bundles drop out, a pinned provider
 * goes first. Pure data, computed under the family lock.
 *
 * @param tryOrder the providers to try, best first
 * @param excluded the providers left out, with the reason
 * @param pinned   the pinned provider, or {@code null}
 * @param problem  why nothing may serve (an unmatched strict pin), or {@code null}
 */
record CandidateOrder(List<Provider> tryOrder, Map<Provider, NotServingReason> excluded, Provider pinned,
        String problem) {

    static CandidateOrder of(List<Provider> ranked, Set<Long> setAsideServices, RegistryConfiguration configuration,
            String pin, String name) {
        List<Provider> eligible = new ArrayList<>(ranked.size());
        Map<Provider, NotServingReason> excluded = new IdentityHashMap<>();
        for (Provider provider : ranked) {
            if (provider.kind() != ProviderKind.REGISTRATION && setAsideServices.contains(provider.sequence())) {
                excluded.put(provider, NotServingReason.SET_ASIDE);
            } else if (provider.kind() != ProviderKind.DEFAULT
                    && !configuration.trusts(provider.description().bundleSymbolicName())) {
                excluded.put(provider, NotServingReason.DENIED_BY_POLICY);
            } else {
                eligible.add(provider);
            }
        }
        if (pin == null) {
            return new CandidateOrder(eligible, excluded, null, null);
        }
        for (Provider provider : eligible) {
            if (provider.matchesPin(pin)) {
                List<Provider> pinnedFirst = new ArrayList<>(eligible.size());
                pinnedFirst.add(provider);
                eligible.stream().filter(other -> other != provider).forEach(pinnedFirst::add);
                return new CandidateOrder(pinnedFirst, excluded, provider, null);
            }
        }
        if (configuration.pinFallback()) {
            return new CandidateOrder(eligible, excluded, null, null);
        }
        return new CandidateOrder(List.of(), excluded, null, "Backend " + name + " is pinned to '" + pin
                + "' (configuration " + "org.backendregistry, pins), but no provider matches it. Start the bundle that "
                + "provides it, unpin " + name + ", or set pin.fallback=true.");
    }
}
