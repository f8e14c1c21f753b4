package org.backendregistry.api.runtime;

/** Why a service of a family's type is not a provider. */
public enum FailureReason {
    /** {@code backend.name} is missing, empty, malformed, of the wrong type, or names several backends. */
    INVALID_NAME,
    /** Another backend property ({@code backend.default}) has a value the registry cannot read. */
    INVALID_PROPERTY,
    /** The object the service gives is not of the family's type. */
    WRONG_TYPE,
    /** The name is not in the catalog and the configuration closed it ({@code catalog.closed=true}). */
    UNKNOWN_NAME
}
