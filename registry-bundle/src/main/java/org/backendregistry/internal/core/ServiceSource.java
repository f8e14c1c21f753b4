package org.backendregistry.internal.core;

/**
 * Where a provider's object comes from: an OSGi service (get/unget through the registry's bundle
 * context) or a programmatic registration's instance. Both calls run foreign code, so the core never
 * makes them while holding a lock.
 */
public interface ServiceSource {

    /** @return the object, or {@code null} when it cannot be had; may throw */
    Object get();

    /** Gives back one object obtained with {@link #get()}. */
    void unget();
}
