package org.backendregistry.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry of backend names and the providers that serve them. Obtain it as an OSGi service; it is
 * bundle-scoped, so registrations made through it belong to the bundle that got it.
 *
 * <p>Who serves a name, highest first: an operator pin; programmatic registrations, newest first;
 * override services by {@code service.ranking} then lowest {@code service.id}; default services in the
 * same order. Providers set aside by {@link #clearOverride} are skipped until they register again.
 *
 * <p>Lookups ({@link #backend}, {@link #path}, {@link #isOverridden}) read one immutable snapshot: no
 * lock, no allocation. Changes are visible as soon as the service event that causes them is delivered.
 */
@ProviderType
public interface BackendRegistry {

    /**
     * Finds a name of a family: a catalog name, a deprecated name (warned once), or a plugin name that
     * a provider currently serves.
     *
     * @throws IllegalArgumentException {@code Unknown attention backend: 'X'. Valid options are: ...}
     */
    <B> BackendId<B> lookup(BackendFamily<B> family, String name);

    /**
     * The seed's {@code get_path()}: the class name of the object that serves the name now.
     *
     * @throws IllegalStateException {@code Backend CUSTOM must be registered before use. ...} when
     *                               nothing serves it
     */
    String path(BackendId<?> id);

    /**
     * The seed's {@code get_path(include_classname)}: with {@code false}, only the package of the class
     * that serves the name.
     */
    String path(BackendId<?> id, boolean includeClassName);

    /** The seed's {@code get_class()}: the class of the object that serves the name now. */
    <B> Class<? extends B> backendClass(BackendId<B> id);

    /**
     * The object that serves the name now. Do not keep it: when its bundle stops, the registry serves
     * the next provider and the object may no longer work.
     *
     * @throws IllegalStateException when nothing serves the name
     */
    <B> B backend(BackendId<B> id);

    /**
     * The object that serves the name now, found by the name's text: {@code lookup(family, name)} then
     * {@code backend(id)} in one step (one map read for any name, catalog or plugin).
     *
     * @throws IllegalArgumentException {@code Unknown attention backend: 'X'. Valid options are: ...}
     * @throws IllegalStateException    when nothing serves the name
     */
    <B> B backend(BackendFamily<B> family, String name);

    /**
     * The object that serves the name now, leased for one call: the provider it comes from is not given
     * back, nor does its departure complete, before the lease is closed (or the registry's
     * {@code drain.timeout} passed). Use it where a hot swap must not fail a call in flight.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    when nothing serves the name
     */
    <B> BackendLease<B> lease(BackendId<B> id);

    /**
     * As {@link #lease(BackendId)}, finding the name by its text in one map read.
     *
     * @throws IllegalArgumentException {@code Unknown attention backend: 'X'. Valid options are: ...}
     * @throws IllegalStateException    when nothing serves the name
     */
    <B> BackendLease<B> lease(BackendFamily<B> family, String name);

    /** @return whether a provider other than a default serves the name; never throws for a known name */
    boolean isOverridden(BackendId<?> id);

    /**
     * Sets aside every override of the name, so its default serves again. Overrides come back only by
     * registering again (a new service, a new registration). Does nothing when nothing overrides it.
     */
    void clearOverride(BackendId<?> id);

    /**
     * Tries again every provider of the name whose object could not be obtained ({@code getService}
     * returned {@code null} or threw): the best provider that can now be obtained serves before this
     * returns. A provider is also tried again whenever its service properties change. Does nothing for a
     * name whose providers have not failed.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    void retry(BackendId<?> id);

    /**
     * The seed's {@code register_backend(backend, "a.b.C")}: loads the class through the calling bundle,
     * instantiates it with its public no-argument constructor, and serves the name with it until the
     * registration is closed or the calling bundle stops.
     *
     * @throws IllegalArgumentException when the class cannot be loaded, is not of the family's type, or
     *                                  cannot be instantiated; the message says which and what to do
     */
    BackendRegistration register(BackendId<?> id, String className);

    /** As {@link #register(BackendId, String)}, with the class at hand. */
    <B> BackendRegistration register(BackendId<B> id, Class<? extends B> type);

    /** @return the provider that serves the name now, if any */
    Optional<BackendProvider> serving(BackendId<?> id);

    /**
     * @return every name of the family that is known now: the catalog, then plugin names that have a
     *         provider, sorted
     */
    <B> List<BackendId<B>> names(BackendFamily<B> family);

    /** @return a number that increases with every change of any serving provider */
    long generation();
}
