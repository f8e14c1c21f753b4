package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;
import org.junit.jupiter.api.Test;

class RuntimeJsonTest {

    @Test
    void theJsonNamesEachNameWithItsServingProviderAndLosers() {
        String json = RuntimeJson.of(SampleRuntime.overridden(), 5);

        assertTrue(json.startsWith("{\"generation\":7,\"changecount\":5,\"changed\":true,\"names\":[{\"key\":"
                + "\"FLASH_ATTN\",\"family\":\"attention\",\"name\":\"FLASH_ATTN\",\"catalog\":true,"), json);
        assertTrue(json.contains("\"serving\":{\"origin\":\"SERVICE\",\"id\":64,\"bundleId\":32,"
                + "\"bundleSymbolicName\":\"" + SampleRuntime.JVM_FLASH_BUNDLE + "\",\"bundleVersion\":\"1.0.0.SNAPSHOT\","
                + "\"ranking\":0,\"isDefault\":false,\"className\":\"" + SampleRuntime.JVM_FLASH + "\","
                + "\"failureCount\":0,\"lastFailureTime\":0}"), json);
        assertTrue(json.contains("\"notServing\":[{\"reason\":\"SHADOWED\",\"servedInstead\":64,\"detail\":null,"),
                json);
        assertTrue(json.contains("{\"key\":\"mamba:MAMBA1\",\"family\":\"mamba attention\""), json);
        assertTrue(json.contains("\"serving\":null"), json);
    }

    @Test
    void failedServicesAndConfigurationProblemsAreListed() {
        String json = RuntimeJson.of(SampleRuntime.overridden(), 5);

        assertTrue(json.contains("\"failedServices\":[{\"family\":\"attention\",\"serviceId\":80,\"bundleId\":30,"
                + "\"bundleSymbolicName\":\"com.example.broken\",\"reason\":\"INVALID_NAME\",\"value\":\"bad\","),
                json);
        assertTrue(json.endsWith("\"configurationProblems\":[\"pins: 'FLASH' is not a known name\"]}"), json);
    }

    @Test
    void stringsAreEscapedSoTheJsonStaysValidAndCannotCloseAScript() {
        var dto = SampleRuntime.overridden();
        dto.failedServices[0].value = "a\"b\\c\n</script>";

        String json = RuntimeJson.of(dto, 5);

        assertTrue(json.contains("\"value\":\"a\\\"b\\\\c\\n\\u003c/script>\""), json);
    }

    static final DeviceView H100 = new DeviceView(Device.of(Platform.CUDA, ComputeCapability.of(9, 0)),
            DeviceOrigin.CONFIGURATION);

    @Test
    void theDeviceFollowsTheCountersWithItsPlatformCapabilityAndOrigin() {
        String json = RuntimeJson.of(SampleRuntime.overridden(), 5, H100);

        assertTrue(json.startsWith("{\"generation\":7,\"changecount\":5,\"changed\":true,\"device\":{"
                + "\"platform\":\"cuda\",\"computeCapability\":\"9.0\",\"origin\":\"CONFIGURATION\"},"
                + "\"names\":[{"), json);
    }

    @Test
    void aDeviceWithoutComputeCapabilityHasNullThere() {
        String json = RuntimeJson.of(SampleRuntime.overridden(), 5, new DeviceView(Device.CPU, DeviceOrigin.DEFAULT));

        assertTrue(json.contains("\"device\":{\"platform\":\"cpu\",\"computeCapability\":null,"
                + "\"origin\":\"DEFAULT\"}"), json);
    }

    @Test
    void withoutASelectorTheJsonHasNoDevice() {
        assertFalse(RuntimeJson.of(SampleRuntime.overridden(), 5, null).contains("\"device\""));
        assertFalse(RuntimeJson.of(SampleRuntime.overridden(), 5).contains("\"device\""));
    }

    @Test
    void theStatusDumpSaysWhichDeviceAndWhereItCameFrom() {
        String text = RuntimeText.of(SampleRuntime.overridden(), H100);

        assertTrue(text.startsWith("Registry generation 7\nDevice: cuda (compute capability 9.0), from configuration\n"),
                text);
        assertFalse(RuntimeText.of(SampleRuntime.overridden(), null).contains("Device"));
    }

    @Test
    void anUnchangedAnswerCarriesOnlyTheCounters() {
        assertEquals("{\"generation\":7,\"changecount\":5,\"changed\":false}", RuntimeJson.unchanged(7, 5));
    }
}
