package org.backendregistry.attention.select;

import java.util.Objects;
import java.util.Optional;

import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.Platform;

/**
 * The device a framework selects backends for: vLLM's {@code current_platform} and its device capability.
 * Immutable; equal when platform and capability are.
 */
public final class Device {

    /** The device when nothing says otherwise: the JVM's own cpu. */
    public static final Device CPU = new Device(Platform.CPU, null);

    private final Platform platform;
    private final ComputeCapability computeCapability;

    private Device(Platform platform, ComputeCapability computeCapability) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.computeCapability = computeCapability;
    }

    /**
     * @param platform          the platform
     * @param computeCapability its compute capability, {@code null} for platforms without one (cpu, tpu)
     * @return the device
     */
    public static Device of(Platform platform, ComputeCapability computeCapability) {
        return platform == Platform.CPU && computeCapability == null ? CPU : new Device(platform, computeCapability);
    }

    /** @return the platform, e.g. {@link Platform#CUDA} */
    public Platform platform() {
        return platform;
    }

    /** @return the compute capability, empty when the device has none */
    public Optional<ComputeCapability> computeCapability() {
        return Optional.ofNullable(computeCapability);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Device that && platform == that.platform
                && Objects.equals(computeCapability, that.computeCapability);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, computeCapability);
    }

    /** @return {@code cuda (compute capability 9.0)}, or {@code cpu} */
    @Override
    public String toString() {
        return computeCapability == null ? platform.label()
                : platform.label() + " (compute capability " + computeCapability + ")";
    }
}
