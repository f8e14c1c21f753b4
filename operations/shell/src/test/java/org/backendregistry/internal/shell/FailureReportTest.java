package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.junit.jupiter.api.Test;

class FailureReportTest {

    @Test
    void withNeitherFailedServicesNorConfigurationProblemsThereAreNoFailures() {
        RegistryRuntimeDTO dto = new RegistryRuntimeDTO();
        dto.failedServices = new FailedServiceDTO[0];
        dto.configurationProblems = new String[0];

        assertEquals(List.of("No failures."), FailureReport.describe(dto));
    }

    @Test
    void eachFailedServiceAndEachConfigurationProblemIsOneLine() {
        FailedServiceDTO invalid = new FailedServiceDTO();
        invalid.family = "attention";
        invalid.serviceId = 57;
        invalid.bundleId = 3;
        invalid.bundleSymbolicName = "com.example";
        invalid.reason = FailureReason.INVALID_NAME;
        invalid.value = "'flash_attn' (String)";
        invalid.detail = "backend.name must match [A-Z][A-Z0-9_]*; did you mean FLASH_ATTN?";
        FailedServiceDTO wrongType = new FailedServiceDTO();
        wrongType.family = "mamba attention";
        wrongType.serviceId = 58;
        wrongType.bundleId = 4;
        wrongType.bundleSymbolicName = "com.example.other";
        wrongType.reason = FailureReason.WRONG_TYPE;
        RegistryRuntimeDTO dto = new RegistryRuntimeDTO();
        dto.failedServices = new FailedServiceDTO[] { invalid, wrongType };
        dto.configurationProblems = new String[] { "pin.fallback: 'maybe' is not a Boolean" };

        assertEquals(List.of(
                "Service 57 of bundle 3 (com.example) is not an attention backend: INVALID_NAME 'flash_attn' (String)."
                        + " backend.name must match [A-Z][A-Z0-9_]*; did you mean FLASH_ATTN?",
                "Service 58 of bundle 4 (com.example.other) is not a mamba attention backend: WRONG_TYPE.",
                "Configuration org.backendregistry: pin.fallback: 'maybe' is not a Boolean."),
                FailureReport.describe(dto));
    }
}
