package org.backendregistry.internal.shell;

import java.util.ArrayList;
import java.util.List;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/** The {@code backend:failures} lines: services that are not providers, and what is wrong with the configuration. */
final class FailureReport {

    static final String NONE = "No failures.";

    private FailureReport() {
    }

    /** @return one line per failed service, then one per configuration problem; {@link #NONE} when there are none */
    static List<String> describe(RegistryRuntimeDTO dto) {
        List<String> lines = new ArrayList<>();
        if (dto.failedServices != null) {
            for (FailedServiceDTO failed : dto.failedServices) {
                lines.add(describe(failed));
            }
        }
        if (dto.configurationProblems != null) {
            for (String problem : dto.configurationProblems) {
                lines.add("Configuration " + BackendRegistryRuntime.PID + ": " + ProviderText.sentence(problem));
            }
        }
        return lines.isEmpty() ? List.of(NONE) : lines;
    }

    /** @return e.g. {@code Service 57 of bundle 3 (com.example) is not an attention backend: INVALID_NAME 'bad' (String). ...} */
    static String describe(FailedServiceDTO failed) {
        StringBuilder line = new StringBuilder("Service ").append(failed.serviceId).append(" of bundle ")
                .append(failed.bundleId).append(" (").append(failed.bundleSymbolicName).append(") is not ")
                .append(article(failed.family)).append(' ').append(failed.family).append(" backend: ")
                .append(failed.reason);
        if (failed.value != null) {
            line.append(' ').append(failed.value);
        }
        line.append('.');
        if (failed.detail != null) {
            line.append(' ').append(ProviderText.sentence(failed.detail));
        }
        return line.toString();
    }

    private static String article(String word) {
        return word != null && !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an"
                : "a";
    }
}
