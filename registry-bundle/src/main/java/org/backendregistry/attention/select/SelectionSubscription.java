package org.backendregistry.attention.select;

import org.osgi.annotation.versioning.ProviderType;

/** A subscription to the answer for one config; closing it stops the changes, and closing twice does nothing. */
@ProviderType
public interface SelectionSubscription extends AutoCloseable {

    /** Stops the changes. */
    @Override
    void close();
}
