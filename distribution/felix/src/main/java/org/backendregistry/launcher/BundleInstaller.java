package org.backendregistry.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Installs every jar of a folder and marks it for start at a level that brings the distribution up in
 * order: infrastructure, registry, default backends, console, then the shell and the deploy/ folder.
 */
final class BundleInstaller {

    /** SCR, Config Admin, the OSGi libraries they need, and anything else not named below. */
    static final int INFRASTRUCTURE = 1;
    static final int REGISTRY = 2;
    static final int BACKENDS = 3;
    /** After the backends, so the console's first table shows the defaults. */
    static final int CONSOLE = 4;
    /** The ways an operator acts on the running registry: the shell prompt and hot deployment. */
    static final int OPERATOR = 5;
    static final int LAST_START_LEVEL = OPERATOR;

    private static final String PRODUCT = "org.backendregistry.";
    private static final String SHELL = "org.apache.felix.gogo.shell";

    private final BundleContext context;
    private final boolean withShell;

    /**
     * @param withShell whether to start the shell; without a terminal it is installed but left stopped,
     *                  because at the end of stdin it stops the framework
     */
    BundleInstaller(BundleContext context, boolean withShell) {
        this.context = context;
        this.withShell = withShell;
    }

    /** Installs the jars in name order; they start when the framework raises its start level. */
    void installAll(Path folder) throws IOException, BundleException {
        for (Path jar : jars(folder)) {
            Bundle bundle = context.installBundle(jar.toUri().toString());
            bundle.adapt(BundleStartLevel.class).setStartLevel(startLevel(bundle.getSymbolicName()));
            if (withShell || !SHELL.equals(bundle.getSymbolicName())) {
                bundle.start();
            }
        }
    }

    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("No bundle folder " + folder + ": run the launcher from its assembly folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    static int startLevel(String symbolicName) {
        if (symbolicName == null) {
            return INFRASTRUCTURE;
        }
        return switch (symbolicName) {
            case PRODUCT + "registry" -> REGISTRY;
            case PRODUCT + "console" -> CONSOLE;
            case "org.apache.felix.fileinstall", SHELL -> OPERATOR;
            default -> symbolicName.startsWith(PRODUCT) ? BACKENDS : INFRASTRUCTURE;
        };
    }
}
