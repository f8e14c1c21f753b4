package org.backendregistry.internal.core;

/** The ways a provider comes to the registry, which decide its precedence band. */
enum ProviderKind {
    /** A {@code BackendRegistry.register} call: above every service, newest first. */
    REGISTRATION,
    /** A service without {@code backend.default=true}. */
    OVERRIDE,
    /** A service with {@code backend.default=true}. */
    DEFAULT
}
