package org.backendregistry.attention.select;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service a platform bundle registers to say which device this framework runs on. The selector uses
 * the highest-ranked one, unless its configuration names a device; with neither, the device is
 * {@link Device#CPU}.
 */
@ConsumerType
@FunctionalInterface
public interface DeviceDescription {

    /** @return the device, e.g. {@code Device.of(Platform.CUDA, ComputeCapability.of(9, 0))} */
    Device device();
}
