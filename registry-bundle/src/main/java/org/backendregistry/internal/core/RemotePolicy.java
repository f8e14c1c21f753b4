package org.backendregistry.internal.core;

import java.util.Locale;

/**
 * Where an imported provider (one that OSGi Remote Services brought from another framework) stands
 * against a local provider of the same kind. Only the kind band is affected: an imported override
 * still beats a local default, since the operator asked for an override somewhere.
 */
public enum RemotePolicy {
    /** A local provider beats an imported one of the same kind: a node keeps working when the network fails. */
    PREFER_LOCAL,
    /** An imported provider beats a local one of the same kind: the node with the accelerator serves. */
    PREFER_REMOTE,
    /** Imported providers never serve. */
    LOCAL_ONLY;

    /** @return the value as operators write it, e.g. {@code prefer-local} */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the policy written as {@code text} (case and '_' for '-' tolerated), or {@code null} */
    static RemotePolicy parse(String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RemotePolicy policy : values()) {
            if (policy.name().equals(normalised)) {
                return policy;
            }
        }
        return null;
    }

    /** @return 0 for the providers this policy tries first, 1 for the others of the same kind */
    int band(boolean imported) {
        return (this == PREFER_REMOTE) == imported ? 0 : 1;
    }
}
