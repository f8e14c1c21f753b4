package org.backendregistry.internal.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;

/** What {@code backend:select} and {@code backend:device} print. */
final class SelectionReport {

    static final String NO_SELECTOR = "No BackendSelector service: install and start the bundle "
            + "org.backendregistry.selector (Karaf: feature:install backend-registry-selector).";

    private SelectionReport() {
    }

    /** @return the choice, the device and config it was made for, then every candidate on a line */
    static String chosen(Selection selection) {
        return selection.name() + " is chosen: " + selection.provider() + ", for " + selection.device() + " with "
                + selection.config() + "." + candidates(selection.candidates());
    }

    /** @return vLLM's failure message, then every candidate on a line */
    static String failed(RuntimeException failure) {
        return failure.getMessage()
                + (failure instanceof NoValidBackendException none ? candidates(none.candidates()) : "");
    }

    /** @return the device, where it came from, and its priority lists, MLA and not */
    static String device(BackendSelector selector) {
        return "Device: " + selector.device() + System.lineSeparator() + "Device from: "
                + selector.deviceOrigin().label() + System.lineSeparator() + "Priorities: "
                + String.join(", ", selector.priorities(false)) + System.lineSeparator() + "MLA priorities: "
                + String.join(", ", selector.priorities(true));
    }

    private static String candidates(List<Candidate> candidates) {
        return candidates.stream().map(candidate -> System.lineSeparator() + "  " + candidate)
                .collect(Collectors.joining());
    }
}
