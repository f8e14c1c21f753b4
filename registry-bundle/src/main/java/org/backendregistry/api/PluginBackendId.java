package org.backendregistry.api;

import java.util.Objects;
import java.util.Optional;

/** A backend name outside its family's catalog, as plugins provide them. */
final class PluginBackendId<B> implements BackendId<B> {

    private final BackendFamily<B> family;
    private final String name;

    PluginBackendId(BackendFamily<B> family, String name) {
        this.family = family;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendFamily<B> family() {
        return family;
    }

    @Override
    public Optional<String> defaultClassName() {
        return Optional.empty();
    }

    @Override
    public boolean isCatalog() {
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginBackendId<?> that && that.family == family && that.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family.displayName(), name);
    }

    @Override
    public String toString() {
        return name;
    }
}
