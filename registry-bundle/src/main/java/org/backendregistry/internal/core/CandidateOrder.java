package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backendregistry.api.runtime.NotServingReason;

/**
 * The order in which the providers of one name are tried, after the operator's decisions: providers
 * set aside by {@code clearOverride}, overrides from untrusted bundles, imported providers under
 * {@code remote.policy=local-only}, and every provider of a plugin name while the catalog is closed drop
 * out; within a kind, local or imported providers go first as {@code remote.policy} says; the providers a pin matches go first. Pure data, computed
 * under the family lock.
 *
 * @param tryOrder the providers to try, best first
 * @param excluded the providers left out, with the reason
 * @param pinned   the providers the pin matches, in precedence order; empty without a pin
 * @param problem  why nothing may serve (an unmatched strict pin), or {@code null}
 */
record CandidateOrder(List<Provider> tryOrder, Map<Provider, NotServingReason> excluded, List<Provider> pinned,
        String problem) {

    static CandidateOrder of(List<Provider> ranked, Set<Long> setAsideServices, RegistryConfiguration configuration,
            String pin, boolean admitted, String name) {
        List<Provider> eligible = new ArrayList<>(ranked.size());
        Map<Provider, NotServingReason> excluded = new IdentityHashMap<>();
        for (Provider provider : ranked) {
            if (!admitted) {
                excluded.put(provider, NotServingReason.DENIED_BY_POLICY);
            } else if (provider.kind() != ProviderKind.REGISTRATION && setAsideServices.contains(provider.sequence())) {
                excluded.put(provider, NotServingReason.SET_ASIDE);
            } else if (provider.kind() != ProviderKind.DEFAULT
                    && !configuration.trusts(provider.description().bundleSymbolicName())) {
                excluded.put(provider, NotServingReason.DENIED_BY_POLICY);
            } else if (configuration.remotePolicy() == RemotePolicy.LOCAL_ONLY && provider.remote() != null) {
                excluded.put(provider, NotServingReason.DENIED_BY_POLICY);
            } else {
                eligible.add(provider);
            }
        }
        byLocality(eligible, configuration.remotePolicy());
        if (pin == null) {
            return new CandidateOrder(eligible, excluded, List.of(), null);
        }
        List<Provider> pinned = new ArrayList<>();
        List<Provider> others = new ArrayList<>();
        for (Provider provider : eligible) {
            (provider.matchesPin(pin) ? pinned : others).add(provider);
        }
        if (!pinned.isEmpty()) {
            // every provider the pin matches comes before the rest, so a pinned bundle's next provider
            // serves when its best one cannot be obtained
            List<Provider> pinnedFirst = new ArrayList<>(pinned);
            pinnedFirst.addAll(others);
            return new CandidateOrder(pinnedFirst, excluded, Collections.unmodifiableList(pinned), null);
        }
        if (configuration.pinFallback()) {
            return new CandidateOrder(eligible, excluded, List.of(), null);
        }
        return new CandidateOrder(List.of(), excluded, List.of(), "Backend " + name + " is pinned to '" + pin
                + "' (configuration " + "org.backendregistry, pins), but no provider matches it. Start the bundle that "
                + "provides it, unpin " + name + ", or set pin.fallback=true.");
    }

    /**
     * Within each kind band, the providers the policy prefers go first; the sort is stable, so ranking
     * and {@code service.id} still order each group.
     */
    private static void byLocality(List<Provider> eligible, RemotePolicy policy) {
        eligible.sort(Comparator.comparing(Provider::kind)
                .thenComparingInt(provider -> policy.band(provider.remote() != null)));
    }

    /** @return whether a pin is in force and {@code provider} is not one it matches */
    boolean isPinnedAway(Provider provider) {
        return problem != null || (!pinned.isEmpty() && !pinned.contains(provider));
    }
}
