package org.backendregistry.internal.remote;

import java.util.Optional;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;

/**
 * One entry of {@code export.names}, written as the shell and the {@code pins} configuration write names:
 * {@code FLASH_ATTN} for an attention backend, {@code mamba:MAMBA2} for a mamba backend. A mamba catalog
 * name without the prefix ({@code MAMBA2}) is a mamba name too, as {@code backend:info MAMBA2} takes it,
 * unless the attention catalog has it as well ({@code CUSTOM}).
 *
 * @param family the family whose service is exported
 * @param name   the backend name, without prefix
 */
record ExportName(BackendFamily<?> family, String name) {

    /** The prefix that selects the mamba family. */
    static final String MAMBA_PREFIX = "mamba:";

    private static final String VALID_NAME = "[A-Z][A-Z0-9_]*";

    /** @return the entry as a name, or empty when it names no backend such as {@code FLASH_ATTN} or {@code mamba:MAMBA2} */
    static Optional<ExportName> parse(String entry) {
        boolean prefixed = entry.startsWith(MAMBA_PREFIX);
        String name = prefixed ? entry.substring(MAMBA_PREFIX.length()) : entry;
        if (!name.matches(VALID_NAME)) {
            return Optional.empty();
        }
        boolean mamba = prefixed || (MambaBackendId.FAMILY.catalogNames().contains(name)
                && !AttentionBackendId.FAMILY.catalogNames().contains(name));
        return Optional.of(new ExportName(mamba ? MambaBackendId.FAMILY : AttentionBackendId.FAMILY, name));
    }

    /** @return the interface the export is registered and exported under */
    String serviceInterface() {
        return family.serviceType().getName();
    }

    /** @return {@code FLASH_ATTN} or {@code mamba:MAMBA2}, as an operator writes it in {@code export.names} */
    @Override
    public String toString() {
        return family == MambaBackendId.FAMILY ? MAMBA_PREFIX + name : name;
    }
}
