package org.backendregistry.internal.webconsole;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;

/**
 * A name as the page, the shell and the {@code pins} configuration write it: {@code NAME} for attention names,
 * {@code mamba:NAME} for mamba names.
 */
final class NameKey {

    static final String MAMBA_PREFIX = "mamba:";

    private NameKey() {
    }

    /** @return the key of a runtime entry */
    static String of(NameDTO name) {
        return MambaBackendId.FAMILY.displayName().equals(name.family) ? MAMBA_PREFIX + name.name : name.name;
    }

    /** @return the key of an id */
    static String of(BackendId<?> id) {
        return id.family() == MambaBackendId.FAMILY ? MAMBA_PREFIX + id.name() : id.name();
    }

    /** @return an HTML id for the key's table row: {@code name-FLASH_ATTN}, {@code name-mamba-MAMBA1} */
    static String rowId(NameDTO name) {
        return "name-" + of(name).replace(':', '-');
    }

    /**
     * @return the registry's id of {@code key}
     * @throws IllegalArgumentException with the registry's {@code Unknown ... backend} message
     */
    static BackendId<?> resolve(BackendRegistry registry, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Name a backend, e.g. FLASH_ATTN or mamba:MAMBA2.");
        }
        if (key.startsWith(MAMBA_PREFIX)) {
            return registry.lookup(MambaBackendId.FAMILY, key.substring(MAMBA_PREFIX.length()));
        }
        return registry.lookup(AttentionBackendId.FAMILY, key);
    }
}
