package org.backendregistry.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A fresh Karaf, {@code feature:install backend-registry-remote}, and an operator's configuration of
 * {@code org.backendregistry.remote}: the exporter starts, registers FLASH_ATTN for export, and Aries RSA's tcp
 * provider listens for it on the configured loopback port until the configuration is deleted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteFeatureIT extends KarafTestSupport {

    private static final String EXPORTER = "org.backendregistry.remote";
    private static final String EXPORTED_FLASH_ATTN = "(&(objectClass=org.backendregistry.attention.AttentionBackend)"
            + "(backend.name=FLASH_ATTN)(service.exported.interfaces=*))";

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return karaf();
    }

    @Test
    public void theRemoteFeatureInstallsAndTheConfiguredExportListensUntilItsConfigurationIsDeleted() throws Exception {
        KarafShell shell = new KarafShell(sessionFactory);
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);
        shell.execute(operator, "feature:repo-add " + System.getProperty(FEATURES_REPOSITORY));
        shell.execute(operator, "feature:install backend-registry backend-registry-defaults backend-registry-remote");

        String installed = shell.execute(operator, "feature:list -i");
        assertTrue(installed, installed.lines().anyMatch(l -> l.startsWith("backend-registry-remote ")));
        waitingAtMost(TIMEOUT_MS).until(() -> exporter().getState() == Bundle.ACTIVE);

        int port = freeLoopbackPort();
        org.osgi.service.cm.Configuration export = configurationAdmin.getConfiguration(EXPORTER, "?");
        export.update(properties("export.names", "FLASH_ATTN", "export.hostname", "127.0.0.1",
                "export.port", String.valueOf(port)));
        try {
            waitingAtMost(TIMEOUT_MS).until(() -> listens(port));
            ServiceReference<?>[] exported = context.getAllServiceReferences(null, EXPORTED_FLASH_ATTN);
            assertEquals(Arrays.toString(exported), 1, exported.length);
            assertEquals(EXPORTER, exported[0].getBundle().getSymbolicName());
            assertEquals("aries.tcp", exported[0].getProperty("service.exported.configs"));
        } finally {
            export.delete();
        }
        waitingAtMost(TIMEOUT_MS).until(() -> !listens(port)
                && context.getAllServiceReferences(null, EXPORTED_FLASH_ATTN) == null);
    }

    private Bundle exporter() {
        return Arrays.stream(context.getBundles()).filter(b -> EXPORTER.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(EXPORTER + " is not installed"));
    }

    /** Whether something accepts connections on the loopback port: Aries' tcp server for the export. */
    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Dictionary<String, Object> properties(String... keysAndValues) {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
