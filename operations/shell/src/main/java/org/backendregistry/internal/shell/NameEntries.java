package org.backendregistry.internal.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/** Reads the entries of the registry's runtime DTO: one name's, or every name's. */
final class NameEntries {

    private NameEntries() {
    }

    /** @return the entry of {@code id} in {@code dto}, if the DTO has one */
    static Optional<NameDTO> find(RegistryRuntimeDTO dto, BackendId<?> id) {
        return names(dto).stream()
                .filter(n -> id.family().displayName().equals(n.family) && id.name().equals(n.name))
                .findFirst();
    }

    /** @return every name of the DTO; an absent array reads as empty */
    static List<NameDTO> names(RegistryRuntimeDTO dto) {
        return dto.names == null ? List.of() : Arrays.asList(dto.names);
    }
}
