package org.backendregistry.internal.healthcheck;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.select.BackendSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Felix Health Check over the registry's runtime view and, when the selector runs, its configuration;
 * the judgement is {@link RegistryHealth}'s and {@link SelectorHealth}'s.
 */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Backend registry",
        HealthCheck.TAGS + "=backends" })
public class BackendRegistryHealthCheck implements HealthCheck {

    private final BackendRegistryRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendSelector selector;

    @Activate
    public BackendRegistryHealthCheck(@Reference BackendRegistryRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        List<Finding> findings = new ArrayList<>(RegistryHealth.assess(runtime.getRuntimeDTO()));
        BackendSelector current = selector;
        if (current != null) {
            findings.addAll(SelectorHealth.assess(current.problems()));
        }
        for (Finding finding : findings) {
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
