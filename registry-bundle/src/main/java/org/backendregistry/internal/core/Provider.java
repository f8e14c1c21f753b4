package org.backendregistry.internal.core;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;

/**
 * One provider of one name, as the precedence rules see it. Immutable: a property change replaces it
 * with a copy that shares the {@link Acquisition}.
 */
final class Provider {

    private final BackendId<?> id;
    private final ProviderKind kind;
    private final BackendProvider description;
    private final Acquisition acquisition;

    Provider(BackendId<?> id, ProviderKind kind, BackendProvider description, Acquisition acquisition) {
        this.id = id;
        this.kind = kind;
        this.description = description;
        this.acquisition = acquisition;
    }

    BackendId<?> id() {
        return id;
    }

    ProviderKind kind() {
        return kind;
    }

    /** @return the {@code service.id}, or the registration's sequence number */
    long sequence() {
        return description.id();
    }

    int ranking() {
        return description.ranking();
    }

    BackendProvider description() {
        return description;
    }

    Acquisition acquisition() {
        return acquisition;
    }

    /** @return whether both describe the same registration (same service or same register call) */
    boolean sameAs(Provider other) {
        return other != null && (kind == ProviderKind.REGISTRATION) == (other.kind == ProviderKind.REGISTRATION)
                && sequence() == other.sequence();
    }

    @Override
    public String toString() {
        return kind + " " + description.bundleSymbolicName() + " #" + sequence() + " ranking " + ranking();
    }
}
