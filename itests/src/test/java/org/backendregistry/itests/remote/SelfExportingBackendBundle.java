package org.backendregistry.itests.remote;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Builds the throw-away bundle around {@link SelfExportingBackend}: a DS component (hand-written
 * component XML) whose service sets {@code service.exported.interfaces}, {@code service.exported.configs
 * = aries.tcp} and Aries' tcp host and port itself. Runs where Pax Exam reads the configuration; the test
 * drops the jar into the exporting node's deploy/.
 */
final class SelfExportingBackendBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    static final String JAR = "self-exporting-backend";

    /** The bundle's symbolic name. */
    static final String SYMBOLIC_NAME = "org.backendregistry.itests.self-exporting-backend";

    /** The system property holding the loopback port its service asks Aries to listen on. */
    static final String PORT = "itest.self-exporting-backend.port";

    private SelfExportingBackendBundle() {
    }

    /** @return the options that tell the test where the freshly built jar is, and its port */
    static Option built() {
        int port = RemoteSetup.freeLoopbackPort();
        return composite(systemProperty(PORT).value(String.valueOf(port)),
                ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, () -> bundleBytes(port)));
    }

    private static InputStream bundleBytes(int port) {
        String implementation = SelfExportingBackend.class.getName();
        String xml = "OSGI-INF/" + SelfExportingBackend.class.getSimpleName() + ".xml";
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <implementation class="%s"/>
                  <service>
                    <provide interface="org.backendregistry.attention.AttentionBackend"/>
                  </service>
                  <property name="backend.name" type="String" value="TRITON_ATTN"/>
                  <property name="service.exported.interfaces" type="String" value="org.backendregistry.attention.AttentionBackend"/>
                  <property name="service.exported.configs" type="String" value="aries.tcp"/>
                  <property name="aries.rsa.hostname" type="String" value="127.0.0.1"/>
                  <property name="aries.rsa.port" type="String" value="%d"/>
                </scr:component>
                """.formatted(implementation, implementation, port);
        return TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.backendregistry.api,org.backendregistry.attention")
                .setHeader("Service-Component", xml)
                .addClass(SelfExportingBackend.class)
                .addResource(xml, new ByteArrayInputStream(component.getBytes(StandardCharsets.UTF_8)))
                .build(TinyBundles.rawBuilder());
    }
}
