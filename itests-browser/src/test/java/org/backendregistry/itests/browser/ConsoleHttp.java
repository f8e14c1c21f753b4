package org.backendregistry.itests.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.json.Json;

/** Plain HTTP against the console, as a script would use it: basic authentication, JSON answers. */
final class ConsoleHttp {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> get(String path, boolean withCredentials) throws IOException, InterruptedException {
        return send(request(path, withCredentials).GET().build());
    }

    HttpResponse<String> post(String path, String form, boolean withCredentials)
            throws IOException, InterruptedException {
        return send(request(path, withCredentials).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** @return {@code backends.json} parsed */
    Map<String, Object> runtime() throws IOException, InterruptedException {
        return new Json().toType(get("/system/console/backends.json", true).body(), Json.MAP_TYPE);
    }

    /** @return the entry of one name ({@code FLASH_ATTN}, {@code mamba:MAMBA1}) in {@code backends.json} */
    @SuppressWarnings("unchecked")
    static Map<String, Object> name(Map<String, Object> runtime, String key) {
        return ((List<Map<String, Object>>) runtime.get("names")).stream().filter(n -> key.equals(n.get("key")))
                .findFirst().orElseThrow(() -> new AssertionError(key + " is not in backends.json"));
    }

    /** @return the symbolic name of the bundle serving the entry, or {@code -} */
    @SuppressWarnings("unchecked")
    static String servingBundle(Map<String, Object> name) {
        Map<String, Object> serving = (Map<String, Object>) name.get("serving");
        return serving == null ? "-" : (String) serving.get("bundleSymbolicName");
    }

    private HttpRequest.Builder request(String path, boolean withCredentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10));
        if (withCredentials) {
            String pair = RunningDistribution.USER + ":" + RunningDistribution.PASSWORD;
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
