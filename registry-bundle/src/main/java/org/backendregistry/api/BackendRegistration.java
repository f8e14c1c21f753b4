package org.backendregistry.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A programmatic registration made with {@link BackendRegistry#register}. It serves its name (newest
 * registration first) until it is closed, cleared with {@link BackendRegistry#clearOverride}, or the
 * bundle that made it stops.
 */
@ProviderType
public interface BackendRegistration extends AutoCloseable {

    /** @return the name this registration serves */
    BackendId<?> id();

    /** @return the registered implementation class name */
    String className();

    /** Withdraws the registration; the next provider serves the name. Closing twice does nothing. */
    @Override
    void close();
}
