package org.backendregistry.attention.select;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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
 */
public record Selection(AttentionSelectorConfig config, Device device, String name, BackendProvider provider,
        AttentionBackend backend, List<Candidate> candidates, boolean explicit) {

    /** Copies the candidates; all parameters are required. */
    public Selection {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(backend, "backend");
        candidates = List.copyOf(candidates);
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
