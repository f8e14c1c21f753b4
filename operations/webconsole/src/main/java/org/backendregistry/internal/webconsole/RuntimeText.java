package org.backendregistry.internal.webconsole;

import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/** The state as plain text for the status dump: one block per name, in the page's words. */
final class RuntimeText {

    private RuntimeText() {
    }

    static String of(RegistryRuntimeDTO dto) {
        return of(dto, null);
    }

    /** @param device the selector's device, or {@code null} when no selector runs (then no device line) */
    static String of(RegistryRuntimeDTO dto, DeviceView device) {
        StringBuilder out = new StringBuilder(4096);
        out.append("Registry generation ").append(dto.generation).append('\n');
        if (device != null) {
            out.append(device.text()).append('\n');
        }
        for (NameDTO name : Dtos.names(dto)) {
            out.append('\n').append(NameKey.of(name)).append(": ");
            if (name.serving == null) {
                out.append("served by nothing");
            } else {
                out.append("served by ").append(name.serving.bundleSymbolicName).append('/')
                        .append(NameTableHtml.className(name.serving)).append(" (")
                        .append(ProviderStatus.reference(name.serving)).append(')');
            }
            out.append("; overridden ").append(name.overridden ? "yes" : "no").append("; pin ")
                    .append(name.pin == null ? "-" : name.pin).append('\n');
            if (name.problem != null) {
                out.append("  problem: ").append(name.problem).append('\n');
            }
            for (NotServingDTO loser : Dtos.list(name.notServing)) {
                out.append("  ").append(loser.provider.bundleSymbolicName).append('/')
                        .append(NameTableHtml.className(loser.provider)).append(" (")
                        .append(ProviderStatus.reference(loser.provider)).append("): ")
                        .append(ProviderStatus.reason(name, loser)).append("; failures ")
                        .append(ProviderStatus.failures(loser.provider)).append('\n');
            }
        }
        for (FailedServiceDTO failed : Dtos.list(dto.failedServices)) {
            out.append("\nNot a provider: service ").append(failed.serviceId).append(" of ")
                    .append(failed.bundleSymbolicName).append(": ").append(failed.reason).append(' ')
                    .append(failed.detail == null ? "" : failed.detail).append('\n');
        }
        for (String problem : Dtos.list(dto.configurationProblems)) {
            out.append("\nConfiguration problem: ").append(problem).append('\n');
        }
        return out.toString();
    }
}
