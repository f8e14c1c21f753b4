package org.backendregistry.internal.shell;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;

/** Hand-built runtime DTOs, as the registry would report them. */
final class Dtos {

    static final String CUDA = "org.backendregistry.backends.cuda";
    static final String CUDA_FLASH = "org.backendregistry.backends.cuda.FlashAttentionBackend";
    static final String JVM_FLASH_BUNDLE = "org.backendregistry.examples.flash-attn-jvm";
    static final String JVM_FLASH = "org.backendregistry.examples.flashattn.JvmFlashAttentionBackend";

    private Dtos() {
    }

    static ProviderDTO service(long serviceId, long bundleId, String bundle, String className, int ranking,
            boolean isDefault) {
        ProviderDTO provider = new ProviderDTO();
        provider.origin = "SERVICE";
        provider.id = serviceId;
        provider.bundleId = bundleId;
        provider.bundleSymbolicName = bundle;
        provider.bundleVersion = "1.0.0.SNAPSHOT";
        provider.ranking = ranking;
        provider.isDefault = isDefault;
        provider.className = className;
        return provider;
    }

    static ProviderDTO cudaFlashDefault() {
        return service(12, 5, CUDA, CUDA_FLASH, 0, true);
    }

    static ProviderDTO jvmFlashOverride() {
        return service(42, 17, JVM_FLASH_BUNDLE, JVM_FLASH, 0, false);
    }

    /** FLASH_ATTN's default as another framework exports it and Remote Service Admin imports it here. */
    static ProviderDTO importedFlashDefault(String className) {
        ProviderDTO provider = service(61, 24, "org.apache.aries.rsa.core", className, 0, true);
        provider.imported = true;
        provider.endpointId = "tcp://127.0.0.1:8201";
        provider.endpointFrameworkUuid = "6f1c2f0e-a";
        return provider;
    }

    static NameDTO attention(String name, String defaultClassName, ProviderDTO serving, NotServingDTO... notServing) {
        NameDTO dto = new NameDTO();
        dto.family = "attention";
        dto.name = name;
        dto.catalog = true;
        dto.defaultClassName = defaultClassName;
        dto.serving = serving;
        dto.overridden = serving != null && !serving.isDefault;
        dto.notServing = notServing;
        return dto;
    }

    static NameDTO flashAttn(ProviderDTO serving, NotServingDTO... notServing) {
        return attention("FLASH_ATTN", CUDA_FLASH, serving, notServing);
    }

    static NotServingDTO notServing(ProviderDTO provider, NotServingReason reason, long servedInstead, String detail) {
        NotServingDTO dto = new NotServingDTO();
        dto.provider = provider;
        dto.reason = reason;
        dto.servedInstead = servedInstead;
        dto.detail = detail;
        return dto;
    }
}
