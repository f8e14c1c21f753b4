package org.backendregistry.attention.select;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when the answer for a subscribed config changes; calls for one subscription come one at a time, in order. */
@ConsumerType
@FunctionalInterface
public interface SelectionListener {

    /** @param change the answer before and after, and the registry change that caused it */
    void selectionChanged(SelectionChange change);
}
