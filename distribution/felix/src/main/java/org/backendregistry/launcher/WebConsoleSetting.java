package org.backendregistry.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one switch of etc/config.properties that turns on the Apache Felix Web Console (with the Backends page
 * and Felix Health Checks): off by default, and when on, reachable from this machine only, with credentials the
 * operator chose.
 */
final class WebConsoleSetting {

    /** {@code true} turns the console on. */
    static final String ENABLED = "backendregistry.webconsole";
    static final String PORT = "org.osgi.service.http.port";
    static final String HOST = "org.apache.felix.http.host";
    static final String USER = "felix.webconsole.username";
    static final String PASSWORD = "felix.webconsole.password";
    static final String DEFAULT_PORT = "8080";
    /** Where the console's bundles wait until the setting is on. */
    static final String FOLDER = "webconsole";

    private WebConsoleSetting() {
    }

    static boolean isOn(Map<String, String> properties) {
        return Boolean.parseBoolean(properties.getOrDefault(ENABLED, "false").trim());
    }

    /**
     * Adds the HTTP settings the console needs: loopback only, whatever the file says, since the console can
     * install bundles; the port from the file or 8080.
     *
     * @throws IllegalStateException when the console is on without a password of the operator's own: the Web
     *                               Console would otherwise accept its well-known built-in one
     */
    static void apply(Map<String, String> properties) {
        String password = properties.get(PASSWORD);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(ENABLED + "=true needs " + USER + " and " + PASSWORD
                    + " in etc/config.properties: set a password of your own (plain or {sha-256}...) first.");
        }
        properties.put(HOST, "127.0.0.1");
        properties.putIfAbsent(PORT, DEFAULT_PORT);
        properties.putIfAbsent("org.apache.felix.https.enable", "false");
    }

    static Path folder(Path home) {
        return home.resolve(FOLDER);
    }
}
