package org.backendregistry.itests.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Backends page in Debian's Chromium against the embedded Felix with the console on: one operator's session,
 * in order (credentials, the table, a hot deploy, a pin, the undeploy, two selections, a forged request, a new
 * device in the selector's configuration file). The selector is configured for an H100 (cuda, compute capability
 * 9.0), so that the automatic selection has candidates to reject.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackendsPageIT {

    private static final String CUDA = "org.backendregistry.backends.cuda";
    private static final String CUDA_FLASH = "org.backendregistry.backends.cuda.FlashAttentionBackend";
    private static final String JVM = "org.backendregistry.examples.flash-attn-jvm";
    private static final String JVM_FLASH = "org.backendregistry.examples.flashattn.JvmFlashAttentionBackend";

    private static RunningDistribution felix;
    private static ConsoleHttp http;
    private static ChromeDriver chrome;
    private static BackendsPage page;

    @BeforeAll
    static void startFelixAndChromium() throws Exception {
        felix = RunningDistribution.start("browser", String.join("\n",
                "device.platform = cuda", "device.compute.capability = 9.0", ""));
        http = new ConsoleHttp(felix.baseUrl());
        chrome = Chromium.start();
        page = new BackendsPage(chrome, felix.baseUrl());
    }

    @AfterAll
    static void stopChromiumAndFelix() throws Exception {
        if (chrome != null) {
            chrome.quit();
        }
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    @Order(1)
    void thePageAsksForCredentialsBeforeShowingAnything() {
        chrome.get(felix.baseUrl() + "/system/console/backends");

        assertTrue(chrome.findElements(By.id("backends")).isEmpty(), chrome.getPageSource());
    }

    @Test
    @Order(2)
    void withCredentialsEveryCatalogNameIsListedWithTheProviderTheRegistryReports() throws Exception {
        page.openWithCredentials(RunningDistribution.USER, RunningDistribution.PASSWORD);

        assertEquals("Apache Felix Web Console - Backends", chrome.getTitle());
        Map<String, Object> runtime = http.runtime();
        for (AttentionBackendId id : AttentionBackendId.values()) {
            assertEquals(ConsoleHttp.servingBundle(ConsoleHttp.name(runtime, id.name())), page.provider(id.name()),
                    id.name());
        }
        for (MambaBackendId id : MambaBackendId.values()) {
            assertEquals(ConsoleHttp.servingBundle(ConsoleHttp.name(runtime, "mamba:" + id.name())),
                    page.provider("mamba:" + id.name()), id.name());
        }
        assertEquals(CUDA, page.provider("FLASH_ATTN"));
        assertEquals(CUDA_FLASH, page.cell("FLASH_ATTN", "class"));
        assertEquals("no", page.cell("FLASH_ATTN", "overridden"));
        assertEquals("-", page.cell("CUSTOM", "provider"));
    }

    @Test
    @Order(3)
    void hotDeployingTheExampleChangesTheFlashAttnRowWithoutAReload() throws Exception {
        page.markLoaded();

        felix.deployExample(RunningDistribution.FLASH_ATTN_JVM);

        page.awaitCell("FLASH_ATTN", "provider", JVM);
        assertEquals(JVM_FLASH, page.cell("FLASH_ATTN", "class"));
        assertEquals("yes", page.cell("FLASH_ATTN", "overridden"));
        assertEquals("1", page.cell("FLASH_ATTN", "shadowed"));
        assertTrue(page.isStillTheSameLoad(), "the page was reloaded");
    }

    @Test
    @Order(4)
    void pinningThroughThePageChangesTheProviderAndTheConfiguration() throws Exception {
        page.openDetail("FLASH_ATTN");
        assertEquals("serving", page.statusOf(JVM));
        assertEquals("shadowed by service " + page.serviceOf(JVM), page.statusOf(CUDA));

        page.press("Pin to " + CUDA);

        page.awaitCell("FLASH_ATTN", "provider", CUDA);
        assertEquals(CUDA, page.cell("FLASH_ATTN", "pin"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> felix.registryConfiguration().contains("\"FLASH_ATTN=" + CUDA + "\""));

        page.press("Unpin FLASH_ATTN");

        page.awaitCell("FLASH_ATTN", "provider", JVM);
        assertEquals("-", page.cell("FLASH_ATTN", "pin"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !felix.registryConfiguration().contains("FLASH_ATTN="));
    }

    @Test
    @Order(5)
    void removingTheExampleChangesTheRowBackWithoutAReload() throws Exception {
        page.markLoaded();

        felix.undeploy(RunningDistribution.FLASH_ATTN_JVM);

        page.awaitCell("FLASH_ATTN", "provider", CUDA);
        assertEquals("no", page.cell("FLASH_ATTN", "overridden"));
        assertEquals("0", page.cell("FLASH_ATTN", "shadowed"));
        assertTrue(page.isStillTheSameLoad(), "the page was reloaded");
    }

    @Test
    @Order(6)
    void anAutomaticSelectionInTheFormShowsTheChosenBackendItsProviderAndEveryCandidatesReasons() throws Exception {
        page.select(Map.of("head_size", "72", "dtype", "bfloat16"), "auto");

        assertEquals("Device: cuda (compute capability 9.0), from configuration", page.device());
        assertEquals("FLASH_ATTN is chosen: " + CUDA + "/" + CUDA_FLASH, page.selectionAnswer());
        Map<String, List<String>> candidates = page.candidates();
        assertEquals(List.of("FLASH_ATTN", "FLASHINFER", "TRITON_ATTN", "FLEX_ATTENTION"),
                List.copyOf(candidates.keySet()));
        assertEquals(List.of(CUDA + "/" + CUDA_FLASH, "chosen"), candidates.get("FLASH_ATTN"));
        assertEquals("head_size not supported", candidates.get("FLASHINFER").get(1));
        assertEquals("valid", candidates.get("TRITON_ATTN").get(1));
        assertEquals("auto", page.chosenBackendOption());
        screenshot("backends-page.png");
    }

    @Test
    @Order(7)
    void anExplicitChoiceThatDoesNotFitShowsVllmsMessageAndNoOtherBackend() {
        page.select(Map.of("head_size", "72", "dtype", "bfloat16"), "FLASHINFER");

        assertEquals("Selected backend FLASHINFER is not valid for this configuration. "
                + "Reason: ['head_size not supported']", page.selectionAnswer());
        assertEquals(Map.of(), page.candidates());
        assertEquals("FLASHINFER", page.chosenBackendOption());
    }

    @Test
    @Order(8)
    void aPostForgedByAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        try (ForgingSite site = ForgingSite.start(felix.baseUrl() + "/system/console/backends")) {
            chrome.get(site.url());

            new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().startsWith(felix.baseUrl()));
            assertTrue(chrome.getPageSource().contains("Refused: the request does not carry the token"),
                    chrome.getPageSource());
        }
        assertEquals(null, ConsoleHttp.name(http.runtime(), "FLASH_ATTN").get("pin"));
        assertFalse(felix.registryConfiguration().contains("FLASH_ATTN="));
    }

    @Test
    @Order(9)
    void aNewDeviceInTheSelectorsConfigurationFileShowsInTheHeaderWithoutAReload() throws Exception {
        page.openWithCredentials(RunningDistribution.USER, RunningDistribution.PASSWORD);
        assertEquals("Device: cuda (compute capability 9.0), from configuration", page.device());
        long changeCount = ((Number) http.runtime().get("changecount")).longValue();
        page.markLoaded();

        felix.configureSelector(String.join("\n", "device.platform = cuda", "device.compute.capability = 8.0", ""));

        page.awaitDevice("Device: cuda (compute capability 8.0), from configuration");
        assertTrue(page.isStillTheSameLoad(), "the page was reloaded");
        // only the selector changed: the registry's change count, which the page polled with alone before, did not
        assertEquals(changeCount, ((Number) http.runtime().get("changecount")).longValue());
    }

    /**
     * The whole page, not only the window: the window is stretched to the page's height for the picture. Written to
     * {@code browser.screenshots} (under target/) and, when {@code docs.screenshot.dir} is set, there too (the README's
     * picture is refreshed with {@code -Ddocs.screenshot.dir=$PWD/docs}).
     */
    private static void screenshot(String name) throws Exception {
        Dimension window = chrome.manage().window().getSize();
        // the page's height plus what the window itself takes beyond its viewport
        long height = ((Number) chrome.executeScript("window.scrollTo(0, 0); return document.documentElement"
                + ".scrollHeight + window.outerHeight - window.innerHeight;")).longValue();
        chrome.manage().window().setSize(new Dimension(window.getWidth(), (int) height));
        try {
            byte[] picture = chrome.getScreenshotAs(OutputType.BYTES);
            List<String> folders = new ArrayList<>(List.of(System.getProperty("browser.screenshots")));
            String docs = System.getProperty("docs.screenshot.dir", "");
            if (!docs.isBlank()) {
                folders.add(docs);
            }
            for (String folder : folders) {
                Files.createDirectories(Path.of(folder));
                Files.write(Path.of(folder).resolve(name), picture);
            }
        } finally {
            chrome.manage().window().setSize(window);
        }
    }
}
