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

    /**
     * What the system bundle exports from the launcher's class path (lib/) for Aries RSA's ZooKeeper
     * discovery: JAXB, whose API finds its implementation only through a class loader that sees both,
     * and ZooKeeper, whose jars are no bundles.
     */
    static final String CLASS_PATH_PACKAGES = "javax.xml.bind;version=2.3.3,javax.xml.bind.annotation;version=2.3.3,"
            + "javax.xml.bind.annotation.adapters;version=2.3.3,javax.xml.bind.attachment;version=2.3.3,"
            + "javax.xml.bind.helpers;version=2.3.3,javax.xml.bind.util;version=2.3.3,javax.activation;version=1.2.2,"
            + "org.apache.zookeeper;version=3.9.5,org.apache.zookeeper.data;version=3.9.5,"
            + "org.apache.zookeeper.server;version=3.9.5,org.apache.zookeeper.server.quorum;version=3.9.5";

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
        properties.put("org.osgi.framework.system.packages.extra", CLASS_PATH_PACKAGES);
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
