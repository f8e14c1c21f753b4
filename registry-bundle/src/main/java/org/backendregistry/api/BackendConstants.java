package org.backendregistry.api;

/** Names of the service properties by which a backend service declares what it provides. */
public final class BackendConstants {

    /**
     * The one backend name a service serves, e.g. {@code FLASH_ATTN}. A String (a one-element String
     * array or collection is taken as that String) matching {@link #NAME_PATTERN}. A service without a
     * valid name is not a provider: the registry records it as failed, with the reason.
     */
    public static final String BACKEND_NAME = "backend.name";

    /**
     * {@code true} marks the default implementation of a name (what the catalog names as its default
     * class). Defaults lose to every override; a missing value means {@code false}.
     */
    public static final String BACKEND_DEFAULT = "backend.default";

    /** The pattern every backend name matches: upper-case letters, digits and underscores. */
    public static final String NAME_PATTERN = "[A-Z][A-Z0-9_]*";

    private BackendConstants() {
    }
}
