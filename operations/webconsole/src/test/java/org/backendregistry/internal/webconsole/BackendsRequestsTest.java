package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.Platform;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class BackendsRequestsTest {

    private final BackendsRequests requests = new BackendsRequests(unused(BackendRegistry.class),
            SampleRuntime::overridden, runtimeReferenceWithChangeCount(5L), () -> null);

    @Test
    void theJsonSinceTheCurrentChangeCountSaysUnchanged() {
        Reply reply = requests.get("/system/console/backends.json", null, "5", "/system/console");

        assertEquals(Reply.of("application/json", "{\"generation\":7,\"changecount\":5,\"changed\":false}"), reply);
    }

    @Test
    void theJsonSinceAnEarlierChangeCountIsTheWholeState() {
        Reply reply = requests.get("/system/console/backends.json", null, "4", "/system/console");

        assertTrue(reply.body().startsWith("{\"generation\":7,\"changecount\":5,\"changed\":true,"), reply.body());
    }

    @Test
    void thePartAnswersNoContentWhileNothingChanged() {
        assertEquals(204, requests.get("/system/console/backends.part", null, "5", "/system/console").status());
        assertEquals("text/html",
                requests.get("/system/console/backends.part", null, "4", "/system/console").contentType());
    }

    @Test
    void thePageIsFramedByTheConsoleAndCarriesItsScript() {
        Reply reply = requests.get("/system/console/backends", null, null, "/system/console");

        assertNull(reply.contentType());
        assertTrue(reply.body().startsWith("<div id=\"backends\" data-changecount=\"5\""), reply.body());
        assertTrue(reply.body().contains("<script>"), reply.body());
    }

    @Test
    void withASelectorThePageHeaderAndTheJsonCarryItsDevice() {
        BackendsRequests withSelector = new BackendsRequests(unused(BackendRegistry.class), SampleRuntime::overridden,
                runtimeReferenceWithChangeCount(5L), () -> null, BackendsRequestsTest::h100Selector);

        String page = withSelector.get("/system/console/backends", null, null, "/system/console").body();
        String json = withSelector.get("/system/console/backends.json", null, null, "/system/console").body();

        assertTrue(page.startsWith("<p class=\"statline\" id=\"device\">Device: cuda (compute capability 9.0), "
                + "from configuration</p>\n<div id=\"backends\""), page);
        assertTrue(json.contains(",\"device\":{\"platform\":\"cuda\",\"computeCapability\":\"9.0\","
                + "\"origin\":\"CONFIGURATION\"},"), json);
    }

    @Test
    void thePageHeaderShowsTheSelectorsDeviceAndWhereItCameFrom() {
        String withSelector = PageHtml.device(RuntimeJsonTest.H100);

        assertEquals("<p class=\"statline\" id=\"device\">Device: cuda (compute capability 9.0), from configuration"
                + "</p>\n", withSelector);
        assertEquals("", PageHtml.device(null));
    }

    @Test
    void thePartAnswersWithTheNewDeviceHeaderWhenOnlyTheSelectorsDeviceChanged() {
        AtomicReference<DeviceView> device = new AtomicReference<>(RuntimeJsonTest.H100);
        BackendsRequests withSelector = new BackendsRequests(unused(BackendRegistry.class), SampleRuntime::overridden,
                runtimeReferenceWithChangeCount(5L), () -> null, () -> selectorFor(device.get()));
        String h100 = "Device: cuda (compute capability 9.0), from configuration";
        assertEquals(204, part(withSelector, "5", h100).status());

        device.set(new DeviceView(Device.of(Platform.CUDA, ComputeCapability.of(8, 0)), DeviceOrigin.CONFIGURATION));
        Reply reply = part(withSelector, "5", h100);

        assertEquals("text/html", reply.contentType());
        assertTrue(reply.body().startsWith("<p class=\"statline\" id=\"device\">Device: cuda (compute capability 8.0), "
                + "from configuration</p>\n<div id=\"backends\" data-changecount=\"5\""), reply.body());
        assertEquals(204, part(withSelector, "5", "Device: cuda (compute capability 8.0), from configuration").status());
    }

    @Test
    void thePartShowingADeviceAnswersWithoutTheHeaderOnceNoSelectorRuns() {
        Reply reply = part(requests, "5", "Device: cuda (compute capability 9.0), from configuration");

        assertTrue(reply.body().startsWith("<div id=\"backends\" data-changecount=\"5\""), reply.body());
        assertEquals(204, part(requests, "5", "").status());
    }

    @Test
    void thePageShowingNoDeviceGetsTheHeaderOnceASelectorRuns() {
        BackendsRequests withSelector = new BackendsRequests(unused(BackendRegistry.class), SampleRuntime::overridden,
                runtimeReferenceWithChangeCount(5L), () -> null, BackendsRequestsTest::h100Selector);

        Reply reply = part(withSelector, "5", "");

        assertTrue(reply.body().startsWith("<p class=\"statline\" id=\"device\">Device: cuda (compute capability 9.0), "
                + "from configuration</p>\n<div id=\"backends\""), reply.body());
    }

    @Test
    void thePageScriptSendsTheDeviceHeaderItShowsAndSwapsItWithThePart() {
        String script = PageHtml.script();

        assertTrue(script.contains("+ '&device=' + encodeURIComponent(device ? device.textContent : '');"), script);
        assertTrue(script.contains("if (shown) { shown.remove(); }\n"), script);
    }

    @Test
    void withoutASelectorTheJsonHasNoDevice() {
        String json = requests.get("/system/console/backends.json", null, null, "/system/console").body();

        assertFalse(json.contains("\"device\""), json);
    }

    private static Reply part(BackendsRequests requests, String since, String shownDevice) {
        return requests.get("/system/console/backends.part", null, since, "/system/console",
                key -> BackendsRequests.SHOWN_DEVICE.equals(key) ? shownDevice : null);
    }

    private static BackendSelector selectorFor(DeviceView device) {
        return (BackendSelector) Proxy.newProxyInstance(BackendsRequestsTest.class.getClassLoader(),
                new Class<?>[] { BackendSelector.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "device" -> device.device();
                    case "deviceOrigin" -> device.origin();
                    default -> throw new AssertionError(method.getName() + " was not expected");
                });
    }

    private static BackendSelector h100Selector() {
        return selectorFor(RuntimeJsonTest.H100);
    }

    @Test
    void anActionWithoutThePagesTokenIsForbidden() throws Exception {
        Reply reply = requests.post(null, null, "127.0.0.1:8080", "clear", "FLASH_ATTN", null, "/system/console");

        assertEquals(Reply.status(403,
                "Refused: the request does not carry the token of the Backends page. Act from the page itself."), reply);
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<BackendRegistryRuntime> runtimeReferenceWithChangeCount(long changeCount) {
        return (ServiceReference<BackendRegistryRuntime>) Proxy.newProxyInstance(
                BackendsRequestsTest.class.getClassLoader(), new Class<?>[] { ServiceReference.class },
                (proxy, method, args) -> "getProperty".equals(method.getName())
                        && Constants.SERVICE_CHANGECOUNT.equals(args[0]) ? changeCount : null);
    }

    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(BackendsRequestsTest.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    throw new AssertionError(method.getName() + " was not expected");
                }));
    }
}
