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
    private final LeaseCount leases;

    Served(Provider provider, Object object, LeaseCount leases) {
        this.provider = provider;
        this.object = object;
        this.leases = leases;
        this.className = object.getClass().getName();
        int dot = className.lastIndexOf('.');
        this.packageName = dot < 0 ? "" : className.substring(0, dot);
        this.description = provider.description().withClassName(className);
    }

    Provider provider() {
        return provider;
    }

    /** @return the leases open on the serving object: the same count for as long as this object serves */
    LeaseCount leases() {
        return leases;
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
