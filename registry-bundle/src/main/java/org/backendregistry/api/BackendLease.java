package org.backendregistry.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The use of one backend for the duration of one call: while a lease is open, the provider it was taken
 * on is not given back, and its departure (its bundle stopping or being updated, its service
 * unregistered, its registration closed) waits, up to the registry's {@code drain.timeout}, until the
 * lease is closed. Lookups and new leases move to the next provider at once; only the departure waits.
 *
 * <pre>{@code
 * try (BackendLease<AttentionBackend> lease = registry.lease(AttentionBackendId.FLASH_ATTN)) {
 *     return lease.backend().compute(input);
 * }
 * }</pre>
 *
 * <p>A lease belongs to the thread that took it: close it on that thread (try-with-resources does). A
 * lease held by the thread that stops the provider's bundle does not make that stop wait for itself.
 * Taking and closing a lease costs a few tens of nanoseconds and allocates one small object.
 *
 * @param <B> the service type of the family
 */
@ProviderType
public interface BackendLease<B> extends AutoCloseable {

    /** @return the object that serves the name for this lease; call it only while the lease is open */
    B backend();

    /** @return the provider the lease was taken on */
    BackendProvider provider();

    /** Ends the lease; the second call does nothing. */
    @Override
    void close();
}
