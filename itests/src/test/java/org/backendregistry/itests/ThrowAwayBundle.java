package org.backendregistry.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

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

    /**
     * A bundle holding one DS component that provides an AttentionBackend, described by a hand-written
     * component XML (so the probe needs no DS annotations processed): the implementation class, its
     * {@code activate} (and {@code deactivate}, when given) methods, and its {@code backend.name} and
     * {@code service.ranking}.
     *
     * @param deactivate the deactivate method's name, or {@code null} for none
     */
    public static InputStream attentionComponent(String symbolicName, Class<?> implementation, String deactivate,
            String backendName, int ranking) {
        String xml = "OSGI-INF/" + implementation.getSimpleName() + ".xml";
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" activate="activate"%s>
                  <implementation class="%s"/>
                  <service>
                    <provide interface="org.backendregistry.attention.AttentionBackend"/>
                  </service>
                  <property name="backend.name" type="String" value="%s"/>
                  <property name="service.ranking" type="Integer" value="%d"/>
                </scr:component>
                """.formatted(implementation.getName(), deactivate == null ? "" : " deactivate=\"" + deactivate + "\"",
                implementation.getName(), backendName, ranking);
        return TinyBundles.bundle()
                .symbolicName(symbolicName)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.backendregistry.api,org.backendregistry.attention")
                .setHeader("Service-Component", xml)
                .addClass(implementation)
                .addResource(xml, new ByteArrayInputStream(component.getBytes(StandardCharsets.UTF_8)))
                .build(TinyBundles.rawBuilder());
    }
}
