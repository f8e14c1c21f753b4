package org.backendregistry.internal.healthcheck;

import java.util.List;

import org.apache.felix.hc.api.Result;
import org.backendregistry.attention.select.BackendSelector;

/**
 * Judges the selector: WARN for each problem of its configuration, among them a configured explicit
 * backend that does not fit the configured default request.
 */
final class SelectorHealth {

    private SelectorHealth() {
    }

    /** @return one WARN finding per problem, none when there is none */
    static List<Finding> assess(List<String> problems) {
        return problems.stream()
                .map(problem -> new Finding(Result.Status.WARN, "Selector configuration " + BackendSelector.PID + ": "
                        + problem))
                .toList();
    }
}
