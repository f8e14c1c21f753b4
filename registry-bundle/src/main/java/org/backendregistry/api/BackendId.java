package org.backendregistry.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The identity of a backend name within its family: a catalog constant such as
 * {@code AttentionBackendId.FLASH_ATTN}, or a plugin name obtained from
 * {@link BackendFamily#id(String)} or {@link BackendRegistry#lookup(BackendFamily, String)}.
 * Two ids are equal when their family and name are. Only the registry's API implements this interface:
 * obtain ids, do not make them (the registry checks one made elsewhere and replaces it by its own).
 *
 * @param <B> the service type of the family
 */
@ProviderType
public interface BackendId<B> {

    /** @return the backend name, e.g. {@code "FLASH_ATTN"} */
    String name();

    /** @return the family this name belongs to */
    BackendFamily<B> family();

    /**
     * @return the class name of the default implementation, or empty for {@code CUSTOM} and plugin
     *         names, which have none
     */
    Optional<String> defaultClassName();

    /** @return whether the name is one of the family's catalog constants (known with or without a provider) */
    boolean isCatalog();
}
