package org.backendregistry.api;

import java.util.Optional;

/**
 * A change of the provider that serves one backend name.
 *
 * @param id         the name whose provider changed
 * @param previous   the provider that served before, empty when none did
 * @param current    the provider that serves now, empty when none does
 * @param generation the registry's generation after the change; it increases with every change
 */
public record BackendChange(BackendId<?> id, Optional<BackendProvider> previous, Optional<BackendProvider> current,
        long generation) {

    /**
     * @return {@code FLASH_ATTN: now bundle/class (was bundle/class)}, as the main job prints it; names
     *         of other families than attention carry the family, as in {@code mamba attention CUSTOM: ...}
     */
    @Override
    public String toString() {
        return id.family().qualify(id.name()) + ": now " + current.map(Object::toString).orElse("nothing") + " (was "
                + previous.map(Object::toString).orElse("nothing") + ")";
    }
}
