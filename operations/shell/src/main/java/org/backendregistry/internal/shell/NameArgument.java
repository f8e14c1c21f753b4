package org.backendregistry.internal.shell;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;

/**
 * Turns a name typed at the shell into a backend id: {@code mamba:NAME} names a mamba backend; any
 * other name is an attention name, or else a mamba name, so that {@code MAMBA2} works without the prefix.
 */
final class NameArgument {

    /** The prefix that selects the mamba family, as in {@code mamba:MAMBA2}. */
    static final String MAMBA_PREFIX = "mamba:";

    private NameArgument() {
    }

    /**
     * @throws IllegalArgumentException the registry's {@code Unknown attention backend: ...} message when
     *                                  neither family knows the name
     */
    static BackendId<?> resolve(BackendRegistry registry, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("Name a backend, e.g. FLASH_ATTN or mamba:MAMBA2.");
        }
        if (argument.startsWith(MAMBA_PREFIX)) {
            return registry.lookup(MambaBackendId.FAMILY, argument.substring(MAMBA_PREFIX.length()));
        }
        try {
            return registry.lookup(AttentionBackendId.FAMILY, argument);
        } catch (IllegalArgumentException unknownAttentionName) {
            try {
                return registry.lookup(MambaBackendId.FAMILY, argument);
            } catch (IllegalArgumentException unknownMambaName) {
                throw unknownAttentionName;
            }
        }
    }

    /** @return the id as the commands and the {@code pins} configuration write it: {@code NAME} or {@code mamba:NAME} */
    static String display(BackendId<?> id) {
        return id.family() == MambaBackendId.FAMILY ? MAMBA_PREFIX + id.name() : id.name();
    }

    /** @return whether the id belongs to the mamba family */
    static boolean isMamba(BackendId<?> id) {
        return id.family() == MambaBackendId.FAMILY;
    }
}
