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
    private final String classHint;
    private final TrackedService service;

    /**
     * @param classHint the implementation class name when known before obtaining it, or {@code null}
     * @param service   the tracked service it comes from, {@code null} for a registration
     */
    Provider(BackendId<?> id, ProviderKind kind, BackendProvider description, Acquisition acquisition,
            String classHint, TrackedService service) {
        this.id = id;
        this.kind = kind;
        this.description = description;
        this.acquisition = acquisition;
        this.classHint = classHint;
        this.service = service;
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

    TrackedService service() {
        return service;
    }

    /**
     * @return where the service was imported from, or {@code null} for a local provider; read from the
     *         latest properties, so it is current under the family lock
     */
    RemoteOrigin remote() {
        return service == null ? null : RemoteOrigin.read(service.properties);
    }

    /** @return the implementation class name: from the registration, DS, or the object once obtained */
    String className() {
        String known = acquisition.knownClassName();
        return known != null ? known : classHint;
    }

    /** @return whether the class of the provider's object is known for certain (it was obtained, or registered) */
    boolean isClassKnown() {
        return kind == ProviderKind.REGISTRATION || acquisition.knownClassName() != null;
    }

    /**
     * @return whether an operator pin to {@code target} means this provider: the symbolic name of its
     *         bundle, or the name of its implementation class
     */
    boolean matchesPin(String target) {
        return target.equals(description.bundleSymbolicName()) || target.equals(className());
    }

    /** @return whether both describe the same registration (same service or same register call) */
    boolean sameAs(Provider other) {
        return other != null && (kind == ProviderKind.REGISTRATION) == (other.kind == ProviderKind.REGISTRATION)
                && sequence() == other.sequence();
    }

    @Override
    public String toString() {
        String what = kind == ProviderKind.REGISTRATION ? "registration "
                : kind.name().toLowerCase(java.util.Locale.ROOT) + " service ";
        return what + sequence() + " of bundle " + description.bundleSymbolicName() + " [" + description.bundleId() + "]";
    }
}
