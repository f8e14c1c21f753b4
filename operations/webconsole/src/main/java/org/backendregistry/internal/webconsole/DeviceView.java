package org.backendregistry.internal.webconsole;

import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;

/**
 * The device the BackendSelector selects for and where it came from, as the page header, {@code backends.json} and the
 * status dump show it; {@code backend:device} prints the same.
 *
 * @param device the device
 * @param origin where it came from
 */
record DeviceView(Device device, DeviceOrigin origin) {

    /** @return what {@code selector} selects for now, or {@code null} when no selector runs */
    static DeviceView of(BackendSelector selector) {
        return selector == null ? null : new DeviceView(selector.device(), selector.deviceOrigin());
    }

    /** @return {@code Device: cuda (compute capability 9.0), from configuration} */
    String text() {
        return "Device: " + device + ", from " + origin.label();
    }

    /** @return {@code {"platform":"cuda","computeCapability":"9.0","origin":"CONFIGURATION"}} */
    String json() {
        return "{\"platform\":" + RuntimeJson.quote(device.platform().label()) + ",\"computeCapability\":"
                + RuntimeJson.quote(device.computeCapability().map(Object::toString).orElse(null)) + ",\"origin\":"
                + RuntimeJson.quote(origin.name()) + "}";
    }
}
