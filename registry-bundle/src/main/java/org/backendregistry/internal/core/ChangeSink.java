package org.backendregistry.internal.core;

import org.backendregistry.api.BackendChange;

/** Receives each change of a serving provider, after it is visible and with no lock held. */
@FunctionalInterface
public interface ChangeSink {

    /** @param change the change just published */
    void changed(BackendChange change);
}
