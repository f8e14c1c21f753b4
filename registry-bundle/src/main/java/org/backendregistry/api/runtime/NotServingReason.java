package org.backendregistry.api.runtime;

/** Why a provider of a name does not serve it. */
public enum NotServingReason {
    /** A provider with higher precedence serves the name. */
    SHADOWED,
    /** {@code clearOverride} set it aside; it serves again only by registering anew. */
    SET_ASIDE,
    /** An operator pinned the name to another provider. */
    PINNED_AWAY,
    /** Its {@code getService} returned {@code null} (e.g. its component could not be activated). */
    NOT_GETTABLE,
    /** Its {@code getService} threw; the detail names the exception. */
    EXCEPTION_ON_GET,
    /**
     * Its bundle is not in {@code trusted.bundles}, so it may not override; or it is imported from another
     * framework and {@code remote.policy=local-only}. The detail says which.
     */
    DENIED_BY_POLICY
}
