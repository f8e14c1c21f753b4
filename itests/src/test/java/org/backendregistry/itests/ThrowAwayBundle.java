package org.backendregistry.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

import org.ops4j.pax.exam.Option;

/**
 * Writes a bundle built with TinyBundles to a temporary jar where Pax Exam reads the configuration
 * (outside the framework, so the probe never needs TinyBundles or bnd), and tells the test where it is
 * through {@code itest.jar.<name>}, as for the modules' jars.
 */
public final class ThrowAwayBundle {

    private ThrowAwayBundle() {
    }

    /**
     * @param jar          the name under which the test finds the jar
     * @param symbolicName the bundle's symbolic name, for the error message
     * @param build        builds the bundle's bytes
     * @return the option that points {@code itest.jar.<jar>} at the written file
     */
    public static Option built(String jar, String symbolicName, Supplier<InputStream> build) {
        try (InputStream bytes = build.get()) {
            File file = File.createTempFile(jar, ".jar");
            file.deleteOnExit();
            Files.copy(bytes, file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            return systemProperty("itest.jar." + jar).value(file.getAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the " + symbolicName + " bundle", e);
        }
    }
}
