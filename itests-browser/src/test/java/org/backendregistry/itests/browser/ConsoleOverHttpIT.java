package org.backendregistry.itests.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.backendregistry.attention.AttentionBackendId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/**
 * The console over plain HTTP, as a script reads it: {@code backends.json}, the status dump, the health servlet.
 */
class ConsoleOverHttpIT {

    private static RunningDistribution felix;
    private static ConsoleHttp http;

    @BeforeAll
    static void startFelixWithTheConsole() throws Exception {
        felix = RunningDistribution.start("json");
        http = new ConsoleHttp(felix.baseUrl());
    }

    @AfterAll
    static void stopFelix() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void theJsonListsEveryAttentionNameWithTheProviderThatServesIt() throws Exception {
        HttpResponse<String> response = http.get("/system/console/backends.json", true);

        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        Map<String, Object> runtime = new Json().toType(response.body(), Json.MAP_TYPE);
        for (AttentionBackendId id : AttentionBackendId.values()) {
            ConsoleHttp.name(runtime, id.name());
        }
        Map<String, Object> flash = ConsoleHttp.name(runtime, "FLASH_ATTN");
        assertEquals("org.backendregistry.backends.cuda", ConsoleHttp.servingBundle(flash));
        assertEquals("org.backendregistry.backends.cuda.FlashAttentionBackend",
                ((Map<?, ?>) flash.get("serving")).get("className"));
        assertEquals(false, flash.get("overridden"));
        assertEquals(List.of(), flash.get("notServing"));
    }

    @Test
    void theJsonNamesTheDeviceTheSelectorSelectsForAndWhereItCameFrom() throws Exception {
        Map<String, Object> runtime = http.runtime();

        // nothing configures a device and no platform bundle describes one: the JVM's own cpu, by default
        Map<String, Object> device = new HashMap<>();
        device.put("platform", "cpu");
        device.put("computeCapability", null);
        device.put("origin", "DEFAULT");
        assertEquals(device, runtime.get("device"));
    }

    @Test
    void askingSinceTheCurrentChangeCountAnswersUnchanged() throws Exception {
        Map<String, Object> runtime = http.runtime();
        long changeCount = ((Number) runtime.get("changecount")).longValue();

        String answer = http.get("/system/console/backends.json?since=" + changeCount, true).body();

        assertEquals("{\"generation\":" + runtime.get("generation") + ",\"changecount\":" + changeCount
                + ",\"changed\":false}", answer);
    }

    @Test
    void everyShippedBundleStartsWithoutAnError() throws Exception {
        String console = Files.readString(felix.home().resolve("console.log"));

        // the framework's own errors start a line with ERROR; slf4j-simple writes "[thread] ERROR logger - ..."
        assertFalse(Pattern.compile("(?m)^ERROR|\\] ERROR ").matcher(console).find(), console);
        assertFalse(console.contains("Unable to resolve"), console);
    }

    @Test
    void theConsolesStatusDumpIncludesTheBackends() throws Exception {
        String dump = http.get("/system/console/status-backends.txt", true).body();

        assertTrue(dump.contains("\nDevice: cpu, from default\n"), dump);
        assertTrue(dump.contains("FLASH_ATTN: served by org.backendregistry.backends.cuda/"
                + "org.backendregistry.backends.cuda.FlashAttentionBackend (service "), dump);
    }

    @Test
    void theHealthServletRunsTheBackendsChecks() throws Exception {
        // FileInstall hands the servlet its configuration from etc/ on its own thread, after the console is up
        HttpResponse<String> response = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.get("/system/health.verbose.txt?tags=backends", false), r -> r.statusCode() == 200);

        assertTrue(response.body().contains("Overall Health Result: OK"), response.body());
        // the check itself ran: an unknown tag would answer OK as well, but without this row
        assertTrue(response.body().matches("(?s).*\\nBackend registry +OK +\\[.*"), response.body());
    }

    @Test
    void theHealthCheckPageOfTheConsoleRunsTheBackendsCheck() throws Exception {
        String page = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.get("/system/console/healthcheck?tags=backends", true).body(),
                        body -> body.contains("HealthCheck executed"));

        assertTrue(page.contains("Backend registry"), page);
        assertTrue(page.contains("Tags: [backends]"), page);
        assertTrue(page.contains("1 HealthCheck executed, 0 failures"), page);
    }

    @Test
    void aSelectionTheCpuDefaultRejectsShowsVllmsMessageAndEachCandidatesReasons() throws Exception {
        String page = http.get("/system/console/backends?head_size=48&dtype=bfloat16", true).body();
        Map<String, Object> answer = new Json().toType(
                http.get("/system/console/backends.json?head_size=48&dtype=bfloat16", true).body(), Json.MAP_TYPE);

        assertTrue(page.contains("<p class=\"problem failure\">No valid attention backend found for cpu with "
                + "AttentionSelectorConfig(head_size=48, dtype=torch.bfloat16, "), page);
        assertTrue(page.contains("Reasons: {CPU_ATTN: [head_size not supported]}."), page);
        assertTrue(page.contains("<tr><td>CPU_ATTN</td><td>org.backendregistry.backends.cpu/"), page);
        assertTrue(page.contains("</td><td>head_size not supported</td></tr>"), page);
        assertEquals(null, answer.get("chosen"));
        List<?> candidates = (List<?>) answer.get("candidates");
        assertEquals(1, candidates.size(), candidates.toString());
        assertEquals(List.of("head_size not supported"), ((Map<?, ?>) candidates.get(0)).get("reasons"));
    }

    @Test
    void aRequestWithoutCredentialsIsAskedForThem() throws Exception {
        HttpResponse<String> response = http.get("/system/console/backends.json", false);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "),
                response.headers().toString());
    }

    @Test
    void aPostWithCredentialsButWithoutThePagesTokenIsRefused() throws Exception {
        HttpResponse<String> response = http.post("/system/console/backends",
                "action=pin&name=FLASH_ATTN&target=org.backendregistry.backends.cpu", true);

        assertEquals(403, response.statusCode());
        assertEquals(null, ConsoleHttp.name(http.runtime(), "FLASH_ATTN").get("pin"));
    }
}
