package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.backendregistry.api.BackendId;

/**
 * The providers of one name, kept in precedence order under the family lock, and the published
 * {@link Served} that lookups read without locking.
 */
final class NameSlot {

    private final BackendId<?> id;
    // most names have one or two providers: the default capacity of ten would cost 32 B more per name
    private final List<Provider> providers = new ArrayList<>(2);
    private long version;
    private volatile Served served;
    private volatile String problem;
    private volatile String pin;
    private volatile boolean hasProviders;

    NameSlot(BackendId<?> id) {
        this.id = id;
    }

    BackendId<?> id() {
        return id;
    }

    Served served() {
        return served;
    }

    /** @return why nothing may serve the name (an unmatched strict pin), or {@code null}; lock-free */
    String problem() {
        return problem;
    }

    /** @return whether the configuration admits this name: a catalog name, or any name in an open catalog */
    boolean admitted(RegistryConfiguration configuration) {
        return id.isCatalog() || !configuration.catalogClosed();
    }

    /** @return whether any provider (serving or not) exists; lock-free */
    boolean hasProviders() {
        return hasProviders;
    }

    // The methods below are called with the family lock held.

    void publish(Served next, String whyNothingServes, String pinInForce) {
        problem = whyNothingServes;
        pin = pinInForce;
        served = next;
    }

    /** @return the pin the published decision followed, or {@code null} */
    String pin() {
        return pin;
    }

    long version() {
        return version;
    }

    void add(Provider provider) {
        int at = 0;
        while (at < providers.size() && ProviderRanking.INSTANCE.compare(providers.get(at), provider) <= 0) {
            at++;
        }
        providers.add(at, provider);
        changed();
    }

    /** @return the removed provider with the same registration, or {@code null} */
    Provider remove(Provider provider) {
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).sameAs(provider)) {
                Provider removed = providers.remove(i);
                changed();
                return removed;
            }
        }
        return null;
    }

    /** @return the order in which to try the providers, after clearOverride, trust and pins */
    CandidateOrder order(Set<Long> setAsideServices, RegistryConfiguration configuration) {
        return CandidateOrder.of(providers, setAsideServices, configuration,
                configuration.pin(id.family().index(), id.name()), admitted(configuration), id.name());
    }

    /**
     * @return the eligible providers that {@code pin} does not match by bundle and whose implementation
     *         class is not known for certain yet, so that the pin cannot yet tell whether it matches them
     */
    List<Provider> classUnknownFor(String pin, Set<Long> setAsideServices, RegistryConfiguration configuration) {
        CandidateOrder order = order(setAsideServices, configuration);
        List<Provider> unknown = new ArrayList<>(0);
        for (Provider provider : providers) {
            if (!order.excluded().containsKey(provider) && !provider.isClassKnown()
                    && !pin.equals(provider.description().bundleSymbolicName())) {
                unknown.add(provider);
            }
        }
        return unknown;
    }

    List<Provider> providers() {
        return List.copyOf(providers);
    }

    /** Marks the set of candidates changed, so that a refresh computed before it is redone. */
    void changed() {
        version++;
        hasProviders = !providers.isEmpty();
    }
}
