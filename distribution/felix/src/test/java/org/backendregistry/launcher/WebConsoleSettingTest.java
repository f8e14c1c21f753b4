package org.backendregistry.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebConsoleSettingTest {

    @Test
    void theConsoleIsOffUnlessTheSettingSaysTrue() {
        assertFalse(WebConsoleSetting.isOn(Map.of()));
        assertFalse(WebConsoleSetting.isOn(Map.of("backendregistry.webconsole", "yes")));
        assertTrue(WebConsoleSetting.isOn(Map.of("backendregistry.webconsole", " true ")));
    }

    @Test
    void theConsoleDoesNotStartWithoutAPasswordOfTheOperatorsOwn() {
        Map<String, String> properties = new HashMap<>(Map.of("backendregistry.webconsole", "true"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> WebConsoleSetting.apply(properties));

        assertEquals("backendregistry.webconsole=true needs felix.webconsole.username and felix.webconsole.password "
                + "in etc/config.properties: set a password of your own (plain or {sha-256}...) first.",
                refused.getMessage());
    }

    @Test
    void theConsoleListensOnLoopbackOnlyWhateverTheFileSays() {
        Map<String, String> properties = new HashMap<>(Map.of("felix.webconsole.password", "s3cret",
                "org.apache.felix.http.host", "0.0.0.0", "org.osgi.service.http.port", "9090"));

        WebConsoleSetting.apply(properties);

        assertEquals("127.0.0.1", properties.get("org.apache.felix.http.host"));
        assertEquals("9090", properties.get("org.osgi.service.http.port"));
    }

    @Test
    void thePortIs8080UnlessTheFileNamesOne() {
        Map<String, String> properties = new HashMap<>(Map.of("felix.webconsole.password", "s3cret"));

        WebConsoleSetting.apply(properties);

        assertEquals("8080", properties.get("org.osgi.service.http.port"));
    }
}
