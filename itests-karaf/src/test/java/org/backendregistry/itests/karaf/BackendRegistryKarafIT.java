package org.backendregistry.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackend;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The features in a real Karaf, as a Karaf user meets them: installed from the features repository, overridden
 * by a jar dropped into deploy/, inspected and changed with the backend: commands under the shipped ACL, updated
 * and refreshed with Karaf's bundle: commands, and uninstalled.
 *
 * <p>One Karaf serves every test. The tests run in name order because the last one uninstalls the features:
 * after that the probe is still wired to the registry's uninstalled API packages and sees no new registry.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BackendRegistryKarafIT extends KarafTestSupport {

    private static final String JVM_FLASH_ATTN_CLASS = "org.backendregistry.examples.flashattn.JvmFlashAttentionBackend";
    private static final String FLASH_ATTN_JVM_BUNDLE = "org.backendregistry.examples.flash-attn-jvm";
    private static final String ACL_PID = "org.apache.karaf.command.acl.backend";

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService featuresService;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private BackendRegistry registry;

    /**
     * Every feature installed as Karaf starts: the probe, which names the registry's API in its fields and
     * signatures, can only load once that API is there. FeatureInstallIT runs the user's feature:install itself.
     */
    @Configuration
    public Option[] configuration() {
        return karaf(FEATURES);
    }

    @Before
    public void waitForEveryDefaultToServe() throws InterruptedException {
        registry = Registries.registry(context);
        Registries.awaitEveryDefaultServing(registry);
    }

    @Test
    public void backendListAndInfoPrintWhoServesEachName() throws Exception {
        BackendProvider flashAttn = registry.serving(AttentionBackendId.FLASH_ATTN).orElseThrow();
        String label = flashAttn.bundleSymbolicName() + "/" + flashAttn.className();
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);

        String list = shell().execute(operator, "backend:list");
        assertTrue(list, list.lines().anyMatch(l -> l.startsWith("NAME") && l.contains("SERVED BY")));
        assertTrue(list, list.lines().anyMatch(l -> l.startsWith("FLASH_ATTN ") && l.contains(label)));
        for (BackendId<?> id : Registries.catalogIdsWithDefaults()) {
            assertTrue(id + " is missing from:\n" + list, list.contains(id.name() + " "));
        }

        String info = shell().execute(operator, "backend:info FLASH_ATTN");
        assertTrue(info, info.contains("Served by " + label));
        assertTrue(info, info.contains("it is the default and nothing overrides it"));
    }

    @Test
    public void bundleUpdateAndRefreshOfAnOverrideEndWithTheOverrideServing() throws Exception {
        Bundle override = context.installBundle(Path.of(System.getProperty("itest.jar.flash-attn-jvm")).toUri().toString());
        // Karaf's features deployer reads every bundle's entries on its RESOLVED event, delivered asynchronously:
        // uninstalling before it got there makes it log an error. Its STARTED event comes after, on the same queue.
        AtomicInteger asynchronouslyStarted = new AtomicInteger();
        BundleListener startedEvents = event -> {
            if (event.getBundle().equals(override) && event.getType() == BundleEvent.STARTED) {
                asynchronouslyStarted.incrementAndGet();
            }
        };
        context.addBundleListener(startedEvents);
        try {
            override.start();
            BackendProvider first = awaitFlashAttnServedBy(override, -1);
            Subject operator = KarafShell.login(OPERATOR, OPERATOR);

            shell().execute(operator, "bundle:update " + override.getBundleId());
            BackendProvider updated = awaitFlashAttnServedBy(override, first.id());

            shell().execute(operator, "bundle:refresh " + override.getBundleId());
            awaitFlashAttnServedBy(override, updated.id());
            // started once, then again by the update and by the refresh
            waitingAtMost(TIMEOUT_MS).until(() -> asynchronouslyStarted.get() >= 3);
        } finally {
            context.removeBundleListener(startedEvents);
            override.uninstall();
        }
        // FLASH_ATTN goes back to its default once the override is uninstalled
        Registries.awaitEveryDefaultServing(registry);
    }

    @Test
    public void everyCatalogNameIsServedByItsDefaultAfterFeatureInstall() throws Exception {
        for (String feature : FEATURES) {
            assertTrue(feature + " is not installed", featuresService.isInstalled(featuresService.getFeature(feature)));
        }
        assertTrue("not every default serves: " + notServedByDefault(), everyDefaultServes());
        for (BackendId<?> id : Registries.catalogIdsWithDefaults()) {
            assertEquals(id.toString(), id.defaultClassName().orElseThrow(), registry.path(id));
        }
    }

    @Test
    public void flashAttnSwitchesWhenItsJarLandsInDeployAndBackWhenTheJarIsDeleted() throws Exception {
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "flash-attn-jvm.jar");
        // FileInstall must never see a half-written jar: copy beside deploy/, then move it in at once
        Path staged = Files.createTempFile(Path.of(System.getProperty("karaf.data"), "tmp"), "flash-attn-jvm", ".jar");
        Files.copy(Path.of(System.getProperty("itest.jar.flash-attn-jvm")), staged, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            waitingAtMost(TIMEOUT_MS).untilAsserted(() -> assertTrue("FLASH_ATTN did not switch to the deployed "
                    + "override; it is served by " + flashAttn(), flashAttn().map(p -> FLASH_ATTN_JVM_BUNDLE.equals(
                            p.bundleSymbolicName()) && JVM_FLASH_ATTN_CLASS.equals(p.className())).orElse(false)));
            assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(AttentionBackendId.FLASH_ATTN));
            assertTrue(registry.isOverridden(AttentionBackendId.FLASH_ATTN));

            Files.delete(deployed);
            waitingAtMost(TIMEOUT_MS).untilAsserted(() -> assertTrue("FLASH_ATTN did not switch back to its default; "
                    + "it is served by " + flashAttn(), flashAttn().map(BackendProvider::isDefault).orElse(false)));
            assertEquals(AttentionBackendId.FLASH_ATTN.defaultClassName().orElseThrow(),
                    registry.path(AttentionBackendId.FLASH_ATTN));
        } finally {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(deployed);
        }
    }

    /**
     * This Karaf has only scr and the features under test, none of http or webconsole: Felix Health Checks core comes
     * with backend-registry-healthcheck alone, and its shell command runs the registry's check.
     */
    @Test
    public void hcExecRunsTheBackendsCheckInAKarafWithoutHttp() throws Exception {
        for (String web : new String[] { "http", "webconsole" }) {
            assertTrue(web + " is installed", !featuresService.isInstalled(featuresService.getFeature(web)));
        }
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);

        // the command appears once SCR has activated Health Checks core's components
        String health = waitingAtMost(TIMEOUT_MS).until(() -> shell().execute(operator, "hc:exec backends"),
                out -> out.contains("Overall Health Result"));

        assertTrue(health, health.contains("Overall Health Result: OK"));
        assertTrue(health, health.matches("(?s).*\\nBackend registry +OK +\\[.*"));
    }

    @Test
    public void shellUserWithOnlyTheViewerRoleMayListButIsRefusedPin() throws Exception {
        waitingAtMost(TIMEOUT_MS).alias("the shell feature's configfile becomes configuration " + ACL_PID)
                .until(this::aclConfigured);
        String defaultBundle = flashAttn().orElseThrow().bundleSymbolicName();
        Subject reader = KarafShell.login(READER, READER);

        String list = shell().execute(reader, "backend:list");
        assertTrue(list, list.lines().anyMatch(l -> l.startsWith("FLASH_ATTN ")));
        String info = shell().execute(reader, "backend:info FLASH_ATTN");
        assertTrue(info, info.contains("Served by "));

        try {
            String output = shell().execute(reader, "backend:pin FLASH_ATTN " + defaultBundle);
            fail("a viewer could run backend:pin, which printed: " + output);
        } catch (Exception refused) {
            // Karaf hides commands the user may not run (CommandNotFoundException) or refuses them (SecurityException)
            assertTrue(String.valueOf(refused), refused.getClass().getName().contains("CommandNotFound")
                    || refused instanceof SecurityException);
        }
        assertNull("the refused pin reached the registry's configuration", pinOf("FLASH_ATTN"));

        // the same command passes the ACL for an administrator
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);
        String pinned = shell().execute(operator, "backend:pin FLASH_ATTN " + defaultBundle);
        assertTrue(pinned, pinned.contains("FLASH_ATTN is pinned to " + defaultBundle));
        String unpinned = shell().execute(operator, "backend:unpin FLASH_ATTN");
        assertTrue(unpinned, unpinned.contains("FLASH_ATTN is no longer pinned"));
    }

    @Test
    public void uninstallingTheFeaturesLeavesNoBackendServiceAndLogsNoError() throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        // named while the packages are still there: the probe imports them dynamically, on first use
        List<String> serviceTypes = List.of(BackendRegistry.class.getName(), BackendRegistryRuntime.class.getName(),
                AttentionBackend.class.getName(), MambaBackend.class.getName());
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);

        // without a refresh: Karaf would otherwise restart the probe, which is wired to the registry's API
        String output = shell().execute(operator, "feature:uninstall --no-auto-refresh " + String.join(" ", reversed(FEATURES)));

        for (String feature : FEATURES) {
            assertTrue(feature + " is still installed: " + output,
                    !featuresService.isInstalled(featuresService.getFeature(feature)));
        }
        for (String type : serviceTypes) {
            assertNull(type + " services are still registered", context.getAllServiceReferences(type, null));
        }
        List<String> ours = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .filter(name -> name != null && name.startsWith("org.backendregistry.")).toList();
        assertEquals("bundles left installed", List.of(), ours);
        // the whole run's log: installing, hot deployment, updates and uninstalling all log no error
        assertEquals("errors in " + log, List.of(), errorsIn(log));
    }

    private KarafShell shell() {
        return new KarafShell(sessionFactory);
    }

    private boolean everyDefaultServes() {
        return notServedByDefault().isEmpty();
    }

    private List<String> notServedByDefault() {
        return Registries.notServedByDefault(registry);
    }

    private Optional<BackendProvider> flashAttn() {
        return registry.serving(AttentionBackendId.FLASH_ATTN);
    }

    /** Waits until FLASH_ATTN is served by a service of {@code bundle} other than service {@code notServiceId}. */
    private BackendProvider awaitFlashAttnServedBy(Bundle bundle, long notServiceId) {
        waitingAtMost(TIMEOUT_MS).untilAsserted(() -> assertTrue("FLASH_ATTN is not served by a new service of "
                + "bundle " + bundle.getBundleId() + " but by " + flashAttn(), flashAttn()
                        .map(p -> p.bundleId() == bundle.getBundleId() && p.id() != notServiceId
                                && JVM_FLASH_ATTN_CLASS.equals(p.className()))
                        .orElse(false)));
        return flashAttn().orElseThrow();
    }

    private boolean aclConfigured() {
        try {
            return configurationAdmin.listConfigurations("(service.pid=" + ACL_PID + ")") != null;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the pins property of the registry's configuration if it names {@code name}, else null */
    private String pinOf(String name) throws IOException, InvalidSyntaxException {
        org.osgi.service.cm.Configuration[] configurations = configurationAdmin.listConfigurations(
                "(service.pid=" + BackendRegistryRuntime.PID + ")");
        if (configurations == null || configurations[0].getProperties() == null) {
            return null;
        }
        Object pins = configurations[0].getProperties().get("pins");
        String text = pins instanceof String[] array ? String.join(",", array) : String.valueOf(pins);
        return pins != null && text.contains(name) ? text : null;
    }

    private static String[] reversed(String[] features) {
        String[] reversed = new String[features.length];
        for (int i = 0; i < features.length; i++) {
            reversed[i] = features[features.length - 1 - i];
        }
        return reversed;
    }

    private static List<String> errorsIn(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("| ERROR ") || line.startsWith("ERROR"))
                .toList();
    }
}
