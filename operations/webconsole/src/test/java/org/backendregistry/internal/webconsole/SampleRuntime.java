package org.backendregistry.internal.webconsole;

import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/** Runtime DTOs as the registry reports them, for the rendering tests. */
final class SampleRuntime {

    static final String CUDA = "org.backendregistry.backends.cuda";
    static final String CUDA_FLASH = "org.backendregistry.backends.cuda.FlashAttentionBackend";
    static final String JVM_FLASH_BUNDLE = "org.backendregistry.examples.flash-attn-jvm";
    static final String JVM_FLASH = "org.backendregistry.examples.flashattn.JvmFlashAttentionBackend";

    private SampleRuntime() {
    }

    static ProviderDTO service(long serviceId, long bundleId, String bundle, String className, boolean isDefault) {
        ProviderDTO provider = new ProviderDTO();
        provider.origin = "SERVICE";
        provider.id = serviceId;
        provider.bundleId = bundleId;
        provider.bundleSymbolicName = bundle;
        provider.bundleVersion = "1.0.0.SNAPSHOT";
        provider.isDefault = isDefault;
        provider.className = className;
        return provider;
    }

    static NameDTO name(String family, String name, ProviderDTO serving, NotServingDTO... notServing) {
        NameDTO dto = new NameDTO();
        dto.family = family;
        dto.name = name;
        dto.catalog = true;
        dto.serving = serving;
        dto.overridden = serving != null && !serving.isDefault;
        dto.notServing = notServing;
        return dto;
    }

    static NotServingDTO loser(ProviderDTO provider, NotServingReason reason, long servedInstead) {
        NotServingDTO dto = new NotServingDTO();
        dto.provider = provider;
        dto.reason = reason;
        dto.servedInstead = servedInstead;
        return dto;
    }

    /** FLASH_ATTN overridden by the JVM example (service 64), the CUDA default (18) shadowed; mamba MAMBA1. */
    static RegistryRuntimeDTO overridden() {
        NameDTO flash = name("attention", "FLASH_ATTN", service(64, 32, JVM_FLASH_BUNDLE, JVM_FLASH, false),
                loser(service(18, 21, CUDA, CUDA_FLASH, true), NotServingReason.SHADOWED, 64));
        flash.defaultClassName = CUDA_FLASH;
        NameDTO custom = name("attention", "CUSTOM", null);
        NameDTO mamba1 = name("mamba attention", "MAMBA1", service(30, 25, "org.backendregistry.backends.mamba",
                "org.backendregistry.backends.mamba.Mamba1AttentionBackend", true));
        RegistryRuntimeDTO dto = new RegistryRuntimeDTO();
        dto.generation = 7;
        dto.names = new NameDTO[] { flash, custom, mamba1 };
        FailedServiceDTO failed = new FailedServiceDTO();
        failed.family = "attention";
        failed.serviceId = 80;
        failed.bundleId = 30;
        failed.bundleSymbolicName = "com.example.broken";
        failed.reason = FailureReason.INVALID_NAME;
        failed.value = "bad";
        failed.detail = "backend.name: 'bad' is not a valid backend name; did you mean 'BAD'?";
        dto.failedServices = new FailedServiceDTO[] { failed };
        dto.configurationProblems = new String[] { "pins: 'FLASH' is not a known name" };
        return dto;
    }
}
