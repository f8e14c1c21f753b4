package org.backendregistry.internal.core;

import java.util.function.Function;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.runtime.FailureReason;

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
    /** the typed reason it is not a provider, or {@code null} */
    FailureReason failure;
    /** the offending value, described, or {@code null} */
    String value;
    /** whether the service went away: it is never tracked or published again */
    boolean gone;
    /** the latest properties, read again when the configuration changes */
    Function<String, Object> properties;

    TrackedService(BackendFamily<?> family, long serviceId, Owner owner, ServiceSource source,
            Function<String, Object> properties) {
        this.family = family;
        this.properties = properties;
        this.serviceId = serviceId;
        this.owner = owner;
        this.acquisition = new Acquisition(source);
    }

    /** Marks the service as not a provider; call with the family lock held. */
    void reject(FailureReason reason, String offendingValue, String why) {
        provider = null;
        failure = reason;
        value = offendingValue;
        problem = why;
    }

    /** @return its {@code service.id} */
    public long serviceId() {
        return serviceId;
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
