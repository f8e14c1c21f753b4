package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

class SelectionHtmlTest {

    @Test
    void withoutTheSelectorThePageSaysHowToGetItInsteadOfTheForm() {
        String html = SelectionHtml.render(false, Map.of(), List.of(), null, "/system/console");

        assertTrue(html.contains(SelectionHtml.NO_SELECTOR), html);
        assertFalse(html.contains("<form"), html);
    }

    @Test
    void theFormIsAGetWithEveryKeyAndKeepsWhatWasSubmitted() {
        Map<String, String> fields = new HashMap<>();
        fields.put("head_size", "48\"><script>");
        String html = SelectionHtml.render(true, fields, List.of("FLASH_ATTN"), null, "/system/console");

        assertTrue(html.contains("<form class=\"selection\" method=\"get\" action=\"/system/console/backends#selection\">"),
                html);
        SelectionAnswer.KEYS.forEach(key -> assertTrue(html.contains("name=\"" + key + "\""), key));
        assertTrue(html.contains("value=\"48&quot;&gt;&lt;script&gt;\""), html);
    }

    @Test
    void theExplicitChoiceListsTheNamesAndKeepsTheSubmittedOne() {
        Map<String, String> fields = new HashMap<>();
        fields.put("backend", "TRITON_ATTN");

        String html = SelectionHtml.render(true, fields, List.of("FLASH_ATTN", "TRITON_ATTN"), null,
                "/system/console");

        assertTrue(html.contains("<select name=\"backend\">\n"
                + "<option value=\"\">as configured (attention.backend)</option>\n"
                + "<option value=\"auto\">auto</option>\n"
                + "<option value=\"FLASH_ATTN\">FLASH_ATTN</option>\n"
                + "<option value=\"TRITON_ATTN\" selected>TRITON_ATTN</option>\n</select>"), html);
    }

    @Test
    void aSubmittedNameTheRegistryNoLongerKnowsStaysChosen() {
        String html = SelectionHtml.render(true, Map.of("backend", "GONE_ATTN"), List.of("FLASH_ATTN"), null,
                "/system/console");

        assertTrue(html.contains("<option value=\"GONE_ATTN\" selected>GONE_ATTN</option>\n</select>"), html);
        assertFalse(html.contains("<option value=\"\" selected>"), html);
    }

    @Test
    void anExplicitChoiceThatDoesNotFitAnswersVllmsMessageInTheJson() {
        Map<String, String> parameters = Map.of("head_size", "48", "dtype", "bfloat16", "backend", "FLASH_ATTN");
        BackendsRequests requests = requests(SelectionAnswerTest.explicitRefusingSelector(new ArrayList<>()));

        Reply json = requests.get("/system/console/backends.json", null, null, "/system/console", parameters::get);

        assertEquals("{\"request\":\"head_size=48 dtype=bfloat16 backend=FLASH_ATTN\",\"chosen\":null,"
                + "\"provider\":null,\"failure\":\"Selected backend FLASH_ATTN is not valid for this configuration. "
                + "Reason: ['head_size not supported']\",\"candidates\":[]}", json.body());
    }

    @Test
    void aRejectedRequestShowsTheFailureAndATableOfTheCandidatesReasons() {
        SelectionAnswer answer = new SelectionAnswer("head_size=48 dtype=bfloat16", null, null,
                "No valid attention backend found for cpu with <config>", SelectionAnswerTest.CPU_REFUSES_48);

        String html = SelectionHtml.render(true, Map.of(), List.of(), answer, "/system/console");

        assertTrue(html.contains("<p class=\"problem failure\">No valid attention backend found for cpu with "
                + "&lt;config&gt;</p>"), html);
        assertTrue(html.contains("<tr><td>CPU_ATTN</td><td></td><td>head_size not supported</td></tr>"), html);
        assertTrue(html.contains("<tr><td>FLEX_ATTENTION</td><td></td><td>no provider</td></tr>"), html);
    }

    @Test
    void aChosenBackendIsShownWithItsProvider() {
        SelectionAnswer answer = new SelectionAnswer("head_size=64 dtype=float32", "CPU_ATTN",
                "org.backendregistry.backends.cpu/org.backendregistry.backends.cpu.CpuAttentionBackend", null,
                List.of());

        String html = SelectionHtml.render(true, Map.of(), List.of(), answer, "/system/console");

        assertTrue(html.contains("<p class=\"chosen\"><b>CPU_ATTN</b> is chosen: org.backendregistry.backends.cpu/"
                + "org.backendregistry.backends.cpu.CpuAttentionBackend</p>"), html);
    }

    @Test
    void theJsonRequestAnswersTheSelectionAndSaysSoWhenTheSelectorIsAbsent() {
        Map<String, String> parameters = Map.of("head_size", "48", "dtype", "bfloat16");
        BackendsRequests withSelector = requests(SelectionAnswerTest.rejectingSelector());
        BackendsRequests withoutSelector = requests(null);

        Reply answer = withSelector.get("/system/console/backends.json", null, null, "/system/console",
                parameters::get);
        Reply absent = withoutSelector.get("/system/console/backends.json", null, null, "/system/console",
                parameters::get);

        assertEquals("application/json", answer.contentType());
        assertTrue(answer.body().contains("\"reasons\":[\"head_size not supported\"]"), answer.body());
        assertEquals(Reply.status(503, SelectionHtml.NO_SELECTOR), absent);
    }

    private static BackendsRequests requests(org.backendregistry.attention.select.BackendSelector selector) {
        return new BackendsRequests(unused(BackendRegistry.class), unused(BackendRegistryRuntime.class),
                unused(ServiceReference.class), () -> null, () -> selector);
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<?> type) {
        return (T) Proxy.newProxyInstance(SelectionHtmlTest.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    throw new AssertionError(method.getName() + " was not expected");
                });
    }
}
