package org.backendregistry.api.runtime;

import org.osgi.dto.DTO;

/**
 * A provider whose departure gave up waiting for the leases still open on it: after the registry's
 * {@code drain.timeout} its object was given back while those calls still ran.
 */
public class DrainTimeoutDTO extends DTO {

    /** The family of the name it served, e.g. {@code attention}; {@code null} when unknown. */
    public String family;

    /** The name it served; {@code null} when unknown. */
    public String name;

    /** The provider that left; {@code null} when unknown. */
    public ProviderDTO provider;

    /** The leases still open when the departure gave up waiting. */
    public int openLeases;

    /** The names of the threads that held them, as far as the registry could see. */
    public String[] threads;

    /** The drain timeout that passed, in milliseconds. */
    public long timeout;

    /** When the departure gave up waiting, in milliseconds since the epoch. */
    public long time;
}
