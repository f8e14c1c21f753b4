package org.backendregistry.attention.select;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An explicitly chosen backend cannot serve the config; the selector never falls back to another. The
 * message is vLLM's, with the reasons as Python prints a list:
 * {@code Selected backend FLASH_ATTN is not valid for this configuration. Reason: ['head_size not supported']}.
 */
public final class InvalidBackendChoiceException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String backendName;
    private final List<String> reasons;

    /**
     * @param backendName the chosen name
     * @param reasons     why it cannot serve the config
     */
    public InvalidBackendChoiceException(String backendName, List<String> reasons) {
        super("Selected backend " + backendName + " is not valid for this configuration. Reason: "
                + reasons.stream().map(reason -> "'" + reason + "'").collect(Collectors.joining(", ", "[", "]")));
        this.backendName = backendName;
        this.reasons = List.copyOf(reasons);
    }

    /** @return the chosen name */
    public String backendName() {
        return backendName;
    }

    /** @return why it cannot serve the config */
    public List<String> reasons() {
        return reasons;
    }
}
