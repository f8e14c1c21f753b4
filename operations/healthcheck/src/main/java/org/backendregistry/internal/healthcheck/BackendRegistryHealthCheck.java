package org.backendregistry.internal.healthcheck;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Felix Health Check over the registry's runtime view; the judgement is {@link RegistryHealth}'s. */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Backend registry",
        HealthCheck.TAGS + "=backends" })
public class BackendRegistryHealthCheck implements HealthCheck {

    private final BackendRegistryRuntime runtime;

    @Activate
    public BackendRegistryHealthCheck(@Reference BackendRegistryRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        for (Finding finding : RegistryHealth.assess(runtime.getRuntimeDTO())) {
            // the message is an argument, not the pattern: backend details may contain "{}"
            switch (finding.status()) {
                case CRITICAL -> log.critical("{}", finding.message());
                case WARN -> log.warn("{}", finding.message());
                default -> log.info("{}", finding.message());
            }
        }
        return new Result(log);
    }
}
