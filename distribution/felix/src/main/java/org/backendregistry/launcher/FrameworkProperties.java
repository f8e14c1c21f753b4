package org.backendregistry.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The framework properties of the distribution: built-in settings, overridden by etc/config.properties. */
final class FrameworkProperties {

    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

    private FrameworkProperties() {
    }

    static Map<String, String> forHome(Path home) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("org.osgi.framework.storage", home.resolve("felix-cache").toString());
        // every launch starts from bundle/ and deploy/ as they are now, never from a stale cache
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.startlevel.beginning", String.valueOf(BundleInstaller.LAST_START_LEVEL));
        // FileInstall watches each folder of a comma-separated list: bundles from deploy/, and the .cfg files of
        // etc/ (such as org.backendregistry.cfg) as ConfigAdmin configurations, re-read when they change
        properties.put(FILEINSTALL_DIR, deployFolder(home) + "," + home.resolve("etc"));
        properties.put("felix.fileinstall.poll", "500");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        properties.put("felix.fileinstall.log.level", "2");
        properties.putAll(overrides(home.resolve("etc").resolve("config.properties")));
        return properties;
    }

    /** The folder bundles are hot-deployed from, as the launcher announces it. */
    static Path deployFolder(Path home) {
        return home.resolve("deploy");
    }

    private static Map<String, String> overrides(Path file) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return overrides;
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": fix or remove it", e);
        }
        loaded.stringPropertyNames().forEach(name -> overrides.put(name, loaded.getProperty(name)));
        return overrides;
    }
}
