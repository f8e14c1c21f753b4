package org.backendregistry.api;

import java.util.Objects;

/**
 * Describes one provider of a backend name: where it comes from and how it ranks. Immutable; equal
 * when it describes the same registration.
 */
public final class BackendProvider {

    /** How a provider came to the registry. */
    public enum Origin {
        /** An OSGi service with {@value BackendConstants#BACKEND_NAME}. */
        SERVICE,
        /** A call to {@link BackendRegistry#register}. */
        REGISTRATION
    }

    private final Origin origin;
    private final long id;
    private final long bundleId;
    private final String bundleSymbolicName;
    private final String bundleVersion;
    private final int ranking;
    private final boolean isDefault;
    private final String className;

    /**
     * @param origin             how the provider came
     * @param id                 the {@code service.id}, or the registration's sequence number
     * @param bundleId           the providing (or registering) bundle's id
     * @param bundleSymbolicName that bundle's symbolic name
     * @param bundleVersion      that bundle's version
     * @param ranking            the {@code service.ranking} (0 for registrations)
     * @param isDefault          whether it is marked {@value BackendConstants#BACKEND_DEFAULT}
     * @param className          the implementation class name, or {@code null} while not yet known
     */
    public BackendProvider(Origin origin, long id, long bundleId, String bundleSymbolicName, String bundleVersion,
            int ranking, boolean isDefault, String className) {
        this.origin = Objects.requireNonNull(origin);
        this.id = id;
        this.bundleId = bundleId;
        this.bundleSymbolicName = bundleSymbolicName;
        this.bundleVersion = bundleVersion;
        this.ranking = ranking;
        this.isDefault = isDefault;
        this.className = className;
    }

    /** @return how the provider came to the registry */
    public Origin origin() {
        return origin;
    }

    /** @return the {@code service.id} of a service, or the sequence number of a registration */
    public long id() {
        return id;
    }

    /** @return the id of the bundle that provides it */
    public long bundleId() {
        return bundleId;
    }

    /** @return the symbolic name of the bundle that provides it */
    public String bundleSymbolicName() {
        return bundleSymbolicName;
    }

    /** @return the version of the bundle that provides it */
    public String bundleVersion() {
        return bundleVersion;
    }

    /** @return its {@code service.ranking} */
    public int ranking() {
        return ranking;
    }

    /** @return whether it is a default implementation */
    public boolean isDefault() {
        return isDefault;
    }

    /** @return the implementation class name, or {@code null} when it was never obtained */
    public String className() {
        return className;
    }

    /** @return a copy that names the implementation class */
    public BackendProvider withClassName(String implementationClassName) {
        return new BackendProvider(origin, id, bundleId, bundleSymbolicName, bundleVersion, ranking, isDefault,
                implementationClassName);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackendProvider that && origin == that.origin && id == that.id
                && bundleId == that.bundleId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, id, bundleId);
    }

    /** @return {@code bundle-symbolic-name/implementation-class}, as operators read it */
    @Override
    public String toString() {
        return bundleSymbolicName + "/" + (className == null ? "?" : className);
    }
}
