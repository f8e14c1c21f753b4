package org.backendregistry.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
import org.osgi.framework.BundleContext;

/**
 * backend-registry-webconsole with Karaf's own http and webconsole features, on a stock Karaf: the Backends page answers
 * through Karaf's Web Console (its JAAS login), and Felix Health Checks core, which backend-registry-healthcheck
 * brings, runs the registry's check with hc:exec beside it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebConsoleFeatureIT extends KarafTestSupport {

    private static final String PORT = "itest.http.port";

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() throws IOException {
        String port = String.valueOf(freePort());
        return options(composite(karaf()),
                // Karaf's HTTP service on a free port of loopback only
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses",
                        "127.0.0.1"),
                systemProperty(PORT).value(port));
    }

    @Test
    public void theBackendsPageAnswersInKarafsWebConsoleAndHcExecRunsTheRegistryCheck() throws Exception {
        KarafShell shell = new KarafShell(sessionFactory);
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);
        shell.execute(operator, "feature:repo-add " + System.getProperty(FEATURES_REPOSITORY));
        shell.execute(operator, "feature:install backend-registry-defaults backend-registry-webconsole "
                + "backend-registry-healthcheck");
        Registries.awaitEveryDefaultServing(Registries.registry(context));

        String json = waitingAtMost(TIMEOUT_MS).until(() -> get("/system/console/backends.json", true),
                body -> body.contains("\"key\":\"FLASH_ATTN\""));
        assertTrue(json, json.contains("\"key\":\"FLASH_ATTN\",\"family\":\"attention\",\"name\":\"FLASH_ATTN\""));
        assertTrue(json, json.contains("\"bundleSymbolicName\":\"org.backendregistry.backends.cuda\""));
        assertEquals(401, status("/system/console/backends.json"));

        String health = waitingAtMost(TIMEOUT_MS).until(() -> shell.execute(operator, "hc:exec backends"),
                out -> out.contains("Overall Health Result"));
        assertTrue(health, health.contains("Overall Health Result: OK"));
        assertTrue(health, health.matches("(?s).*\\nBackend registry +OK +\\[.*"));

        // the Health Check page of the console (Felix Health Checks' plugin) runs the same check
        String page = waitingAtMost(TIMEOUT_MS).until(() -> getOrNotYet("/system/console/healthcheck?tags=backends"),
                body -> body.contains("HealthCheck executed"));
        assertTrue(page, page.contains("Backend registry"));
        assertTrue(page, page.contains("1 HealthCheck executed, 0 failures"));
    }

    /** A page that may not be there yet: its absence is an UncheckedIOException, which the wait retries. */
    private static String getOrNotYet(String path) {
        try {
            return get(path, true);
        } catch (IOException notYet) {
            throw new UncheckedIOException(notYet);
        }
    }

    private static String get(String path, boolean withCredentials) throws IOException {
        HttpURLConnection connection = open(path);
        if (withCredentials) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((OPERATOR + ":" + OPERATOR).getBytes(StandardCharsets.UTF_8)));
        }
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static int status(String path) throws IOException {
        HttpURLConnection connection = open(path);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(
                "http://127.0.0.1:" + System.getProperty(PORT) + path).openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        return connection;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
