package org.backendregistry.attention.select;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.attention.AttentionBackend;

/**
 * The answer of {@link BackendSelector#select}: the chosen name, the provider that serves it and its
 * object, and every candidate in priority order with its reasons. Immutable.
 *
 * @param config     the config selected for
 * @param device     the device selected for
 * @param name       the chosen backend name
 * @param provider   the provider that serves it
 * @param backend    the provider's object
 * @param candidates every name considered, in priority order, the chosen one marked
 * @param explicit   whether the name was chosen explicitly rather than from the priority list
 * @param leases     takes a lease on the provider that serves a name now, as
 *                   {@link org.backendregistry.api.BackendRegistry#lease(org.backendregistry.api.BackendFamily, String)};
 *                   used by {@link #lease()}
 */
public record Selection(AttentionSelectorConfig config, Device device, String name, BackendProvider provider,
        AttentionBackend backend, List<Candidate> candidates, boolean explicit,
        Function<String, BackendLease<AttentionBackend>> leases) {

    /** Copies the candidates; all parameters are required. */
    public Selection {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(leases, "leases");
        candidates = List.copyOf(candidates);
    }

    /**
     * A selection that cannot lease: {@link #lease()} throws. For answers made outside a
     * {@link BackendSelector}, e.g. in tests.
     */
    public Selection(AttentionSelectorConfig config, Device device, String name, BackendProvider provider,
            AttentionBackend backend, List<Candidate> candidates, boolean explicit) {
        this(config, device, name, provider, backend, candidates, explicit, Selection::cannotLease);
    }

    private static BackendLease<AttentionBackend> cannotLease(String name) {
        throw new IllegalStateException("This selection of " + name
                + " was not made by a BackendSelector and cannot lease; use BackendRegistry.lease instead");
    }

    /**
     * Leases the chosen name for one call, on the provider that serves it now (the chosen provider unless
     * the registry changed since the answer):
     *
     * <pre>{@code
     * try (BackendLease<AttentionBackend> lease = selector.select(config).lease()) {
     *     return lease.backend().compute(input);
     * }
     * }</pre>
     *
     * @return the lease; close it on the thread that took it
     * @throws IllegalStateException when nothing serves the chosen name any more
     * @since 1.1
     */
    public BackendLease<AttentionBackend> lease() {
        return leases.apply(name);
    }

    /** Equal when everything but the lease function is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Selection that && explicit == that.explicit && config.equals(that.config)
                && device.equals(that.device) && name.equals(that.name) && provider.equals(that.provider)
                && backend.equals(that.backend) && candidates.equals(that.candidates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, device, name, provider, backend, candidates, explicit);
    }

    /** @return whether {@code other} chose the same name from the same provider */
    public boolean sameChoice(Selection other) {
        return other != null && name.equals(other.name) && provider.equals(other.provider);
    }

    /**
     * @return {@code FLASH_ATTN by bundle/class for cuda (compute capability 9.0); candidates: FLASH_ATTN: chosen, ...}
     */
    @Override
    public String toString() {
        return name + " by " + provider + " for " + device + "; candidates: "
                + candidates.stream().map(Candidate::toString).collect(Collectors.joining(", "));
    }
}
