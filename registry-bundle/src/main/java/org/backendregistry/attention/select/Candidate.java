package org.backendregistry.attention.select;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.backendregistry.api.BackendProvider;

/**
 * One name the selector considered, in priority order: the provider that served it when it was checked,
 * and why it cannot serve the config (vLLM's reasons, or the registry's {@code no provider},
 * {@code pinned away}, {@code denied by policy}); no reasons when it can.
 *
 * @param name     the backend name, e.g. {@code FLASH_ATTN}
 * @param provider the provider that served the name, empty when none did
 * @param reasons  why it cannot serve the config; empty when it can
 * @param chosen   whether it is the selection
 */
public record Candidate(String name, Optional<BackendProvider> provider, List<String> reasons, boolean chosen) {

    /** Copies the reasons; all parameters are required. */
    public Candidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        reasons = List.copyOf(reasons);
    }

    /** @return whether it could serve the config */
    public boolean valid() {
        return reasons.isEmpty();
    }

    /** @return {@code FLASH_ATTN: chosen}, {@code FLASH_ATTN: valid} or {@code FLASH_ATTN: [head_size not supported]} */
    @Override
    public String toString() {
        return name + ": " + (chosen ? "chosen" : valid() ? "valid" : "[" + String.join(", ", reasons) + "]");
    }
}
