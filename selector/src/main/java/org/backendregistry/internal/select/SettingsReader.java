package org.backendregistry.internal.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;
import org.backendregistry.attention.select.SelectionRequest;

/**
 * Reads the selector's configuration: the device (configured, else described by a platform bundle, else
 * cpu), the explicit backend and the priority lists. An invalid value is reported and left out; the rest
 * applies.
 */
final class SettingsReader {

    private SettingsReader() {
    }

    /**
     * @param properties the configuration (component properties)
     * @param described  the device a {@code DeviceDescription} service describes, or {@code null}
     * @param problems   told about each value left out (the settings keep them too)
     */
    static LiveSelector.Settings read(Map<String, ?> properties, Device described, Consumer<String> problems) {
        List<String> left = new ArrayList<>();
        Consumer<String> report = problem -> {
            left.add(problem);
            problems.accept(problem);
        };
        Device device = configuredDevice(properties, report);
        DeviceOrigin origin = DeviceOrigin.CONFIGURATION;
        if (device == null) {
            device = described != null ? described : Device.CPU;
            origin = described != null ? DeviceOrigin.DEVICE_DESCRIPTION : DeviceOrigin.DEFAULT;
        }
        Object backend = properties.get(BackendSelector.ATTENTION_BACKEND);
        String explicit = backend == null || String.valueOf(backend).isBlank()
                || LiveSelector.AUTO.equalsIgnoreCase(String.valueOf(backend).trim()) ? null
                        : String.valueOf(backend).trim();
        PriorityLists lists = PriorityLists.configured(properties, report);
        SelectionRequest request = request(properties, report);
        return new LiveSelector.Settings(device, origin, explicit, lists, request, List.copyOf(left));
    }

    private static SelectionRequest request(Map<String, ?> properties, Consumer<String> problems) {
        Object value = properties.get(BackendSelector.DEFAULT_REQUEST);
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        try {
            return SelectionRequest.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.accept(BackendSelector.DEFAULT_REQUEST + ": " + e.getMessage());
            return null;
        }
    }

    private static Device configuredDevice(Map<String, ?> properties, Consumer<String> problems) {
        Object platformValue = properties.get(BackendSelector.DEVICE_PLATFORM);
        if (platformValue == null || String.valueOf(platformValue).isBlank()) {
            return null;
        }
        Platform platform;
        try {
            platform = Platform.valueOf(String.valueOf(platformValue).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.accept(BackendSelector.DEVICE_PLATFORM + ": '" + platformValue
                    + "' is not a platform; valid platforms are cpu, cuda, rocm, tpu, xpu");
            return null;
        }
        Object capabilityValue = properties.get(BackendSelector.DEVICE_COMPUTE_CAPABILITY);
        ComputeCapability capability = null;
        if (capabilityValue != null && !String.valueOf(capabilityValue).isBlank()) {
            try {
                capability = ComputeCapability.parse(String.valueOf(capabilityValue));
            } catch (IllegalArgumentException e) {
                problems.accept(BackendSelector.DEVICE_COMPUTE_CAPABILITY + ": " + e.getMessage());
            }
        }
        return Device.of(platform, capability);
    }
}
