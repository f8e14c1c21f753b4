package org.backendregistry.internal.core;

import org.backendregistry.api.BackendChange;

/** Receives each change of a serving provider, after it is visible and with no lock held. */
@FunctionalInterface
public interface ChangeSink {

    /** @param change the change just published */
    void changed(BackendChange change);

    /**
     * The runtime view may have changed without a serving change: a service was rejected or recovered, a
     * provider joined or left a name's losers, a provider's object could not be obtained. Called after the
     * change is visible in the runtime view, with no lock held; also when nothing visible changed, so a
     * receiver must tolerate calls that change nothing.
     */
    default void viewChanged() {
    }
}
