package org.backendregistry.internal.remote;

/**
 * Configuration PID {@code org.backendregistry.remote}: which backend names this framework offers to
 * others, and where Aries RSA's tcp provider listens for them.
 */
@interface RemoteExportConfiguration {

    /** The PID operators write, e.g. {@code etc/org.backendregistry.remote.cfg}. */
    String PID = "org.backendregistry.remote";

    /**
     * {@code export.names}: the names to export, e.g. {@code FLASH_ATTN, TRITON_ATTN, mamba:MAMBA2}; mamba
     * names carry the {@code mamba:} prefix, as at the shell.
     */
    String[] export_names() default {};

    /**
     * {@code export.hostname}: the address other frameworks call (Aries {@code aries.rsa.hostname});
     * empty lets Aries pick this host's first non-loopback address.
     */
    String export_hostname() default "";

    /** {@code export.port}: the port of the first name, the next names take the following ports; 0 picks free ports. */
    int export_port() default 0;

    /**
     * {@code export.timeout}: how long an importing framework's call waits for an answer, in milliseconds
     * (Aries {@code osgi.basic.timeout}, whose own default of 5 minutes would hold a caller that long on
     * a hung node).
     */
    int export_timeout() default 60_000;
}
