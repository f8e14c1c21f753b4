package org.backendregistry.internal.healthcheck;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/**
 * Judges the registry's runtime view: CRITICAL when a catalog name that has a default has no provider
 * or a pin is unsatisfied, WARN while services are rejected or the configuration has problems, OK
 * otherwise.
 */
final class RegistryHealth {

    private RegistryHealth() {
    }

    /** @return the findings, problems first; one OK summary when there is no problem */
    static List<Finding> assess(RegistryRuntimeDTO dto) {
        List<Finding> findings = new ArrayList<>();
        int served = 0;
        NameDTO[] names = dto.names == null ? new NameDTO[0] : dto.names;
        for (NameDTO name : names) {
            if (name.serving != null) {
                served++;
            } else if (name.pin != null) {
                findings.add(new Finding(Result.Status.CRITICAL, name.problem != null ? name.problem
                        : qualified(name) + " is pinned to " + name.pin + ", but nothing serves it."));
            } else if (name.catalog && name.defaultClassName != null) {
                findings.add(new Finding(Result.Status.CRITICAL, qualified(name) + " has no provider: its default "
                        + name.defaultClassName + " is not running; start the bundle that provides it."));
            }
        }
        if (dto.failedServices != null) {
            for (FailedServiceDTO failed : dto.failedServices) {
                findings.add(new Finding(Result.Status.WARN, "Service " + failed.serviceId + " of bundle "
                        + failed.bundleId + " (" + failed.bundleSymbolicName + ") is rejected: " + failed.reason
                        + (failed.value == null ? "" : " " + failed.value)
                        + (failed.detail == null ? "" : ": " + failed.detail)));
            }
        }
        if (dto.configurationProblems != null) {
            for (String problem : dto.configurationProblems) {
                findings.add(new Finding(Result.Status.WARN, "Configuration " + BackendRegistryRuntime.PID + ": "
                        + problem));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(Result.Status.OK, served + " of " + names.length
                    + " backend names are served; every name with a default has a provider; no rejected services."));
        }
        return findings;
    }

    /** @return the worst status among {@code findings}, OK when there are none */
    static Result.Status status(List<Finding> findings) {
        Result.Status worst = Result.Status.OK;
        for (Finding finding : findings) {
            if (finding.status().ordinal() > worst.ordinal()) {
                worst = finding.status();
            }
        }
        return worst;
    }

    private static String qualified(NameDTO name) {
        return "attention".equals(name.family) ? name.name : name.family + " " + name.name;
    }
}
