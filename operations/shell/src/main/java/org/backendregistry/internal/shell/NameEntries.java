package org.backendregistry.internal.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/** Reads the entries of the registry's runtime DTO: one name's, or every name's. */
final class NameEntries {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private NameEntries() {
    }

    /** @return the entry of {@code id} in {@code dto}, if the view knows it */
    static Optional<NameDTO> find(RegistryRuntimeDTO dto, BackendId<?> id) {
        return names(dto).stream()
                .filter(n -> id.family().displayName().equals(n.family) && id.name().equals(n.name))
                .findFirst();
    }

    /** @return every name of the view; an absent array reads as empty */
    static List<NameDTO> names(RegistryRuntimeDTO dto) {
        return dto.names == null ? List.of() : Arrays.asList(dto.names);
    }

    /**
     * Reads the view until the entry of {@code id} satisfies {@code condition}, for at most
     * {@code timeoutMillis}: configuration reaches the registry asynchronously.
     *
     * @return the entry that satisfied the condition, or empty when none did in time
     */
    static Optional<NameDTO> await(BackendRegistryRuntime runtime, BackendId<?> id, Predicate<NameDTO> condition,
            long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            Optional<NameDTO> name = find(runtime.getRuntimeDTO(), id).filter(condition);
            if (name.isPresent() || System.nanoTime() - deadline >= 0) {
                return name;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
