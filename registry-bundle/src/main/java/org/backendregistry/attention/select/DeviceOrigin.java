package org.backendregistry.attention.select;

/**
 * Where the device a {@link BackendSelector} selects for came from, in the order they are consulted.
 *
 * @since 1.1
 */
public enum DeviceOrigin {

    /** The selector's configuration: {@value BackendSelector#DEVICE_PLATFORM} (and its compute capability). */
    CONFIGURATION("configuration"),

    /** A {@link DeviceDescription} service that a platform bundle registers; the highest-ranked wins. */
    DEVICE_DESCRIPTION("DeviceDescription service"),

    /** Nothing said otherwise: the JVM's own cpu. */
    DEFAULT("default");

    private final String label;

    DeviceOrigin(String label) {
        this.label = label;
    }

    /** @return {@code configuration}, {@code DeviceDescription service} or {@code default}, as the shell prints it */
    public String label() {
        return label;
    }
}
