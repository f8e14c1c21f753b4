package org.backendregistry.internal.core;

import org.backendregistry.api.BackendProvider;

/**
 * What one name resolves to right now: the provider, its object and everything lookups return,
 * computed once when it is published so that lookups only read fields.
 */
public final class Served {

    private final Provider provider;
    private final Object object;
    private final String className;
    private final String packageName;
    private final BackendProvider description;
    private final Hold hold;

    Served(Provider provider, Hold hold) {
        this.provider = provider;
        this.object = hold.object();
        this.hold = hold;
        this.className = object.getClass().getName();
        // the Class caches both names: no string of our own per served provider
        this.packageName = object.getClass().getPackageName();
        this.description = provider.description().withClassName(className);
    }

    Provider provider() {
        return provider;
    }

    /** @return the serving object's hold and its leases: the same for as long as this object serves */
    Hold hold() {
        return hold;
    }

    /** @return the serving object */
    public Object object() {
        return object;
    }

    /** @return the serving object's class name: {@code path(id)} */
    public String className() {
        return className;
    }

    /** @return the serving class's package: {@code path(id, false)} */
    public String packageName() {
        return packageName;
    }

    /** @return whether something other than a default serves */
    public boolean isOverridden() {
        return provider.kind() != ProviderKind.DEFAULT;
    }

    /** @return the serving provider, naming its class */
    public BackendProvider description() {
        return description;
    }
}
