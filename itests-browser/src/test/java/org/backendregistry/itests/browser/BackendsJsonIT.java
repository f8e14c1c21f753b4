package org.backendregistry.itests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.backendregistry.attention.AttentionBackendId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/** {@code /system/console/backends.json} over plain HTTP, as a script reads it. */
class BackendsJsonIT {

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
    void askingSinceTheCurrentChangeCountAnswersUnchanged() throws Exception {
        Map<String, Object> runtime = http.runtime();
        long changeCount = ((Number) runtime.get("changecount")).longValue();

        String answer = http.get("/system/console/backends.json?since=" + changeCount, true).body();

        assertEquals("{\"generation\":" + runtime.get("generation") + ",\"changecount\":" + changeCount
                + ",\"changed\":false}", answer);
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
