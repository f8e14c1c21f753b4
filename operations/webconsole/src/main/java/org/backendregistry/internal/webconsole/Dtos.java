package org.backendregistry.internal.webconsole;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/** Reads the runtime DTO's arrays, any of which may be absent. */
final class Dtos {

    private Dtos() {
    }

    static <T> List<T> list(T[] array) {
        return array == null ? List.of() : Arrays.asList(array);
    }

    static List<NameDTO> names(RegistryRuntimeDTO dto) {
        return list(dto.names);
    }

    /** @return the entry whose {@link NameKey} is {@code key} */
    static Optional<NameDTO> find(RegistryRuntimeDTO dto, String key) {
        return names(dto).stream().filter(n -> NameKey.of(n).equals(key)).findFirst();
    }
}
