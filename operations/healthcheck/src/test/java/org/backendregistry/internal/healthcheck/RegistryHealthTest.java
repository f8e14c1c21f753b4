package org.backendregistry.internal.healthcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.felix.hc.api.Result;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.junit.jupiter.api.Test;

class RegistryHealthTest {

    private static final String CUDA_FLASH = "org.backendregistry.backends.cuda.FlashAttentionBackend";

    @Test
    void everyNameWithADefaultServedAndNothingRejectedIsOk() {
        RegistryRuntimeDTO dto = view(name("attention", "FLASH_ATTN", CUDA_FLASH, true), name("attention", "CUSTOM", null, false));

        List<Finding> findings = RegistryHealth.assess(dto);

        assertEquals(List.of(new Finding(Result.Status.OK, "1 of 2 backend names are served; every name with a "
                + "default has a provider; no rejected services.")), findings);
        assertEquals(Result.Status.OK, RegistryHealth.status(findings));
    }

    @Test
    void aCatalogNameWithADefaultButNoProviderIsCritical() {
        NameDTO flash = name("attention", "FLASH_ATTN", CUDA_FLASH, false);
        flash.problem = "Backend FLASH_ATTN must be registered before use.";
        NameDTO mamba2 = name("mamba attention", "MAMBA2", "org.backendregistry.backends.mamba.Mamba2AttentionBackend", false);

        List<Finding> findings = RegistryHealth.assess(view(flash, mamba2));

        assertEquals(List.of(
                new Finding(Result.Status.CRITICAL, "FLASH_ATTN has no provider: its default " + CUDA_FLASH
                        + " is not running; start the bundle that provides it."),
                new Finding(Result.Status.CRITICAL, "mamba attention MAMBA2 has no provider: its default "
                        + "org.backendregistry.backends.mamba.Mamba2AttentionBackend is not running; start the bundle "
                        + "that provides it.")),
                findings);
        assertEquals(Result.Status.CRITICAL, RegistryHealth.status(findings));
    }

    @Test
    void anUnsatisfiedPinIsCriticalEvenForANameWithoutADefaultInTheRegistrysWords() {
        NameDTO custom = name("attention", "CUSTOM", null, false);
        custom.pin = "com.example.absent";
        custom.problem = "Backend CUSTOM is pinned to 'com.example.absent', but no provider matches it.";
        NameDTO mamba2 = name("mamba attention", "MAMBA2", null, false);
        mamba2.pin = "com.example.gone";

        List<Finding> findings = RegistryHealth.assess(view(custom, mamba2));

        assertEquals(List.of(
                new Finding(Result.Status.CRITICAL, "Backend CUSTOM is pinned to 'com.example.absent', but no provider matches it."),
                new Finding(Result.Status.CRITICAL, "mamba attention MAMBA2 is pinned to com.example.gone, but nothing serves it.")),
                findings);
    }

    @Test
    void aNameWithoutADefaultAndWithoutAProviderIsFine() {
        List<Finding> findings = RegistryHealth.assess(view(name("attention", "CUSTOM", null, false)));

        assertEquals(Result.Status.OK, RegistryHealth.status(findings));
    }

    @Test
    void rejectedServicesAndConfigurationProblemsWarn() {
        FailedServiceDTO bad = new FailedServiceDTO();
        bad.family = "attention";
        bad.serviceId = 57;
        bad.bundleId = 3;
        bad.bundleSymbolicName = "com.example";
        bad.reason = FailureReason.INVALID_NAME;
        bad.value = "'bad' (String)";
        bad.detail = "not a valid backend name";
        RegistryRuntimeDTO dto = view(name("attention", "FLASH_ATTN", CUDA_FLASH, true));
        dto.failedServices = new FailedServiceDTO[] { bad };
        dto.configurationProblems = new String[] { "catalog.closed: 'perhaps' is not a Boolean" };

        List<Finding> findings = RegistryHealth.assess(dto);

        assertEquals(List.of(
                new Finding(Result.Status.WARN, "Service 57 of bundle 3 (com.example) is rejected: INVALID_NAME "
                        + "'bad' (String): not a valid backend name"),
                new Finding(Result.Status.WARN, "Configuration org.backendregistry: catalog.closed: 'perhaps' is not a Boolean")),
                findings);
        assertEquals(Result.Status.WARN, RegistryHealth.status(findings));
    }

    @Test
    void criticalOutweighsWarn() {
        RegistryRuntimeDTO dto = view(name("attention", "FLASH_ATTN", CUDA_FLASH, false));
        dto.configurationProblems = new String[] { "x" };

        assertEquals(Result.Status.CRITICAL, RegistryHealth.status(RegistryHealth.assess(dto)));
    }

    private static NameDTO name(String family, String name, String defaultClassName, boolean served) {
        NameDTO dto = new NameDTO();
        dto.family = family;
        dto.name = name;
        dto.catalog = true;
        dto.defaultClassName = defaultClassName;
        if (served) {
            dto.serving = new ProviderDTO();
            dto.serving.className = defaultClassName;
            dto.serving.isDefault = true;
        }
        dto.notServing = new NotServingDTO[0];
        return dto;
    }

    private static RegistryRuntimeDTO view(NameDTO... names) {
        RegistryRuntimeDTO dto = new RegistryRuntimeDTO();
        dto.names = names;
        dto.failedServices = new FailedServiceDTO[0];
        dto.configurationProblems = new String[0];
        return dto;
    }
}
