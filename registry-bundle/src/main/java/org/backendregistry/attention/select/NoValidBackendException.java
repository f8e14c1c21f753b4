package org.backendregistry.attention.select;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * No candidate can serve the config. The message is vLLM's:
 * {@code No valid attention backend found for cuda with AttentionSelectorConfig(...). Reasons: {FLASH_ATTN: [head_size not supported], ...}.}
 */
public final class NoValidBackendException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<Candidate> candidates;

    /**
     * @param device     the device selected for
     * @param config     the config selected for
     * @param candidates every candidate considered, each with its reasons
     */
    public NoValidBackendException(Device device, AttentionSelectorConfig config, List<Candidate> candidates) {
        super("No valid attention backend found for " + device.platform().label() + " with " + config
                + ". Reasons: " + reasons(candidates) + ".");
        this.candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
    }

    /** @return vLLM's {@code {NAME: [reason, reason], ...}} of the candidates that have reasons */
    public static String reasons(List<Candidate> candidates) {
        return candidates.stream().filter(candidate -> !candidate.valid())
                .map(candidate -> candidate.name() + ": [" + String.join(", ", candidate.reasons()) + "]")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** @return every candidate considered, in priority order, each with its reasons */
    public List<Candidate> candidates() {
        return candidates;
    }
}
