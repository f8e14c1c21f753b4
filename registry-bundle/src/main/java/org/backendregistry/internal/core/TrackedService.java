package org.backendregistry.internal.core;

import org.backendregistry.api.BackendFamily;

/**
 * One tracked service of a family, provider or not. Its fields change only under the family lock.
 */
public final class TrackedService {

    final BackendFamily<?> family;
    final long serviceId;
    final Owner owner;
    final Acquisition acquisition;
    /** the provider it currently is, or {@code null} when its properties make it none */
    Provider provider;
    /** why it is not a provider, or {@code null} */
    String problem;

    TrackedService(BackendFamily<?> family, long serviceId, Owner owner, ServiceSource source) {
        this.family = family;
        this.serviceId = serviceId;
        this.owner = owner;
        this.acquisition = new Acquisition(source);
    }

    /** @return why the service is not a provider, or {@code null} when it is one */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "service " + serviceId + " of bundle " + owner.symbolicName() + " [" + owner.bundleId() + "]";
    }
}
