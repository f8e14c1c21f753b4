package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What an operator sees and does: the {@code backend:} shell commands (called as Gogo would, on the
 * service registered with {@code osgi.command.scope=backend}) and the health check, against the real
 * registry, ConfigAdmin and backend bundles.
 */
@ExamReactorStrategy(PerClass.class)
public class OperationsIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    private static final String CUDA_BUNDLE = "org.backendregistry.backends.cuda";
    private static final String CUDA_FLASH = CUDA_BUNDLE + "/org.backendregistry.backends.cuda.FlashAttentionBackend";
    private static final String JVM_FLASH = "org.backendregistry.examples.flash-attn-jvm/" + JVM_FLASH_ATTN_CLASS;
    private static final Pattern DIFFERENCE = Pattern.compile("difference from ReferenceAttention: (\\S+)");

    @Inject
    private BackendRegistryRuntime runtime;

    @Inject
    @Filter("(" + HealthCheck.TAGS + "=backends)")
    private HealthCheck healthCheck;

    private ServiceTracker<Object, Object> commandsTracker;
    private Object commands;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), operations());
    }

    @Before
    public void findTheCommands() throws Exception {
        commandsTracker = new ServiceTracker<>(bundleContext,
                bundleContext.createFilter("(&(osgi.command.scope=backend)(osgi.command.function=list))"), null);
        commandsTracker.open();
        commands = commandsTracker.waitForService(SETTLE_TIMEOUT_MS);
        assertNotNull("no service with osgi.command.scope=backend", commands);
    }

    @After
    public void releaseTheCommands() {
        commandsTracker.close();
    }

    @Test
    public void listShowsFlashAttnServedByItsCudaDefaultNotOverriddenAndShadowingNothing() {
        String list = command("list");

        assertEquals(list, List.of("NAME", "SERVED BY", "OVERRIDDEN", "SHADOWED"), cells(list.lines().findFirst().orElseThrow()));
        assertEquals(list, List.of("FLASH_ATTN", CUDA_FLASH, "no", "0"), row(list, "FLASH_ATTN"));
        assertEquals(list, "-", row(list, "CUSTOM").get(1));
        assertEquals(list, List.of("mamba:MAMBA2", "org.backendregistry.backends.mamba/"
                + "org.backendregistry.backends.mamba.Mamba2AttentionBackend", "no", "0"), row(list, "mamba:MAMBA2"));

        String mambaOnly = command("list", "mamba");
        assertFalse(mambaOnly, mambaOnly.contains("FLASH_ATTN"));
        assertTrue(mambaOnly, mambaOnly.contains("mamba:MAMBA2"));
    }

    @Test
    public void infoSaysTheJvmOverrideServesAndShadowsTheCudaDefault() throws Exception {
        install("flash-attn-jvm").start();
        long jvmId = registry.serving(FLASH_ATTN).orElseThrow().id();
        long cudaId = cudaFlashAttnServiceId();

        String info = command("info", "FLASH_ATTN");

        assertTrue(info, info.startsWith("FLASH_ATTN (attention, catalog; default "
                + AttentionBackendId.FLASH_ATTN.defaultClassName().orElseThrow() + ")"));
        assertTrue(info, info.contains("Served by " + JVM_FLASH + " (service " + jvmId + ", "));
        assertTrue(info, info.contains("because it is the highest-ranked override."));
        assertTrue(info, info.contains(CUDA_FLASH + " (service " + cudaId + ", "));
        assertTrue(info, info.contains("does not serve: shadowed by service " + jvmId + "."));
        assertEquals(List.of("FLASH_ATTN", JVM_FLASH, "yes", "1"), row(command("list"), "FLASH_ATTN"));
    }

    @Test
    public void clearSetsTheOverrideAsideAndInfoSaysItServesAgainOnlyIfItRegistersAnew() throws Exception {
        install("flash-attn-jvm").start();

        String cleared = command("clear", "FLASH_ATTN");

        assertTrue(cleared, cleared.contains("Cleared the overrides of FLASH_ATTN."));
        assertTrue(cleared, cleared.contains("Served by " + CUDA_FLASH + " ("));
        assertServedByDefault(FLASH_ATTN);
        String info = command("info", "FLASH_ATTN");
        assertTrue(info, info.contains(JVM_FLASH + " (service "));
        assertTrue(info, info.contains("does not serve: set aside by clearOverride; it serves again only if it registers anew."));
        String again = command("clear", "FLASH_ATTN");
        assertTrue(again, again.startsWith("FLASH_ATTN has no override to set aside; nothing to clear.\n"));
    }

    @Test
    public void clearSetsAsideAnOverrideThatAPinKeepsFromServingSoTheDefaultStillServesOnceUnpinned() throws Exception {
        Bundle jvm = install("flash-attn-jvm");
        jvm.start();
        long jvmId = registry.serving(FLASH_ATTN).orElseThrow().id();
        String jvmOverride = JVM_FLASH + " " + facts(jvmId, jvm, "override");
        String cudaDefault = CUDA_FLASH + " " + facts(cudaFlashAttnServiceId(), bundle(CUDA_BUNDLE), "default");
        try {
            String pinned = command("pin", "FLASH_ATTN", CUDA_BUNDLE);
            assertEquals("FLASH_ATTN is pinned to " + CUDA_BUNDLE + ".\nServed by " + cudaDefault
                    + " because it is pinned.", pinned);
            assertFalse(registry.isOverridden(FLASH_ATTN));

            String cleared = command("clear", "FLASH_ATTN");

            assertEquals(List.of(
                    "Cleared the overrides of FLASH_ATTN.",
                    "Set aside " + jvmOverride + ".",
                    "Served by " + cudaDefault + " because it is pinned."), cleared.lines().toList());

            String unpinned = command("unpin", "FLASH_ATTN");

            assertEquals(List.of(
                    "FLASH_ATTN is no longer pinned.",
                    "Served by " + cudaDefault + " because it is the default and its overrides are set aside."),
                    unpinned.lines().toList());
            assertServedByDefault(FLASH_ATTN);
            assertEquals(List.of(
                    "FLASH_ATTN (attention, catalog; default " + FLASH_ATTN.defaultClassName().orElseThrow() + ")",
                    "Served by " + cudaDefault + " because it is the default and its overrides are set aside.",
                    jvmOverride + " does not serve: set aside by clearOverride; it serves again only if it registers anew."),
                    command("info", "FLASH_ATTN").lines().toList());
        } finally {
            command("unpin", "FLASH_ATTN");
        }
    }

    @Test
    public void retryLetsAnOverrideWhoseFirstGetServiceReturnedNullServe() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ServiceRegistration<AttentionBackend> registration = unregisterAfterTest(bundleContext.registerService(
                AttentionBackend.class, nullOnTheFirstCall(calls, new TestAttentionBackend("FLASH_ATTN", "second call")),
                properties("FLASH_ATTN", 10)));
        long overrideId = serviceId(registration);
        Bundle probe = bundleContext.getBundle();
        String cudaDefault = CUDA_FLASH + " " + facts(cudaFlashAttnServiceId(), bundle(CUDA_BUNDLE), "default");
        String header = "FLASH_ATTN (attention, catalog; default " + FLASH_ATTN.defaultClassName().orElseThrow() + ")";
        assertServedByDefault(FLASH_ATTN);
        assertEquals(List.of(header,
                "Served by " + cudaDefault + " because it is the default and nothing overrides it.",
                probe.getSymbolicName() + "/? (service " + overrideId + ", bundle " + probe.getBundleId() + " version "
                        + probe.getVersion() + ", ranking 10, override) does not serve: getService returned null."),
                command("info", "FLASH_ATTN").lines().toList());

        String retried = command("retry", "FLASH_ATTN");

        assertEquals(List.of("Tried 1 failed provider of FLASH_ATTN again.", header,
                "Served by " + probe.getSymbolicName() + "/" + TestAttentionBackend.class.getName() + " (service "
                        + overrideId + ", bundle " + probe.getBundleId() + " version " + probe.getVersion()
                        + ", ranking 10, override) because it is the highest-ranked override.",
                cudaDefault + " does not serve: shadowed by service " + overrideId + "."), retried.lines().toList());
        assertEquals(TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));
        assertEquals("getService calls", 2, calls.get());
        String again = command("retry", "FLASH_ATTN");
        assertTrue(again, again.startsWith("FLASH_ATTN has no failed provider; nothing to try again.\n" + header + "\n"));
    }

    @Test
    public void pinAndUnpinThroughTheShellSwitchWhoServes() throws Exception {
        install("flash-attn-jvm").start();
        assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(FLASH_ATTN));
        try {
            String pinned = command("pin", "FLASH_ATTN", CUDA_BUNDLE);

            assertTrue(pinned, pinned.startsWith("FLASH_ATTN is pinned to " + CUDA_BUNDLE + "."));
            assertTrue(pinned, pinned.contains("Served by " + CUDA_FLASH + " ("));
            assertTrue(pinned, pinned.contains("because it is pinned."));
            assertServedByDefault(FLASH_ATTN);
            NameDTO flash = flashAttnView();
            assertEquals(CUDA_BUNDLE, flash.pin);
            assertEquals(Arrays.toString(flash.notServing), List.of(NotServingReason.PINNED_AWAY),
                    Arrays.stream(flash.notServing).map(n -> n.reason).toList());
            String info = command("info", "FLASH_ATTN");
            assertTrue(info, info.contains("Pinned to " + CUDA_BUNDLE + "."));
            assertTrue(info, info.contains(JVM_FLASH + " (service "));
            assertTrue(info, info.contains("does not serve: pinned away"));

            String unpinned = command("unpin", "FLASH_ATTN");

            assertTrue(unpinned, unpinned.startsWith("FLASH_ATTN is no longer pinned."));
            assertTrue(unpinned, unpinned.contains("Served by " + JVM_FLASH + " ("));
            assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(FLASH_ATTN));
            assertEquals("FLASH_ATTN is not pinned.", command("unpin", "FLASH_ATTN"));
        } finally {
            command("unpin", "FLASH_ATTN");
        }
    }

    @Test
    public void aPinToAnAbsentBundleLeavesTheNameUnservedAndTheHealthCheckCriticalUntilUnpinned() {
        String absent = "com.example.absent";
        try {
            String pinned = command("pin", "TRITON_ATTN", absent);

            assertTrue(pinned, pinned.startsWith("TRITON_ATTN is pinned to " + absent + "."));
            assertTrue(pinned, pinned.contains(absent + "'"));
            try {
                registry.backend(AttentionBackendId.TRITON_ATTN);
                fail("TRITON_ATTN is served although its pin matches no provider");
            } catch (IllegalStateException strictPin) {
                assertTrue(strictPin.getMessage(), strictPin.getMessage().contains(absent));
            }
            assertEquals(List.of("TRITON_ATTN", "-", "no", "1"), row(command("list"), "TRITON_ATTN"));
            Result critical = assertStatus(Result.Status.CRITICAL);
            assertTrue(messages(critical), messages(critical).contains(absent));
        } finally {
            command("unpin", "TRITON_ATTN");
        }
        assertServedByDefault(AttentionBackendId.TRITON_ATTN);
        assertStatus(Result.Status.OK);
    }

    @Test
    public void runComputesCpuAttnWithinTheReferencesTolerance() {
        String run = command("run", "CPU_ATTN");

        assertTrue(run, run.startsWith("CPU_ATTN computed by org.backendregistry.backends.cpu/"
                + "org.backendregistry.backends.cpu.CPUAttentionBackend in "));
        assertTrue(run, run.contains(" ms (16 tokens, 8 heads, 2 kv heads, head size 64, causal)."));
        Matcher difference = DIFFERENCE.matcher(run);
        assertTrue(run, difference.find());
        assertTrue(run, Double.parseDouble(difference.group(1)) < 1e-5);
    }

    @Test
    public void runOnTheCudaDefaultSaysItCannotComputeHere() {
        String run = command("run", "FLASH_ATTN");

        assertTrue(run, run.startsWith(CUDA_FLASH + " cannot compute here: "));
        assertTrue(run, run.contains("needs a cuda device"));
        String mamba = command("run", "mamba:MAMBA2");
        assertTrue(mamba, mamba.contains("mamba backends have no compute entry point"));
    }

    @Test
    public void anUnknownNameGivesTheRegistrysOwnMessageAndNoException() {
        String expected;
        try {
            registry.lookup(AttentionBackendId.FAMILY, "NOPE");
            throw new AssertionError("NOPE is known");
        } catch (IllegalArgumentException unknown) {
            expected = unknown.getMessage();
        }
        assertTrue(expected, expected.startsWith("Unknown attention backend: 'NOPE'. Valid options are: FLASH_ATTN, "));

        assertEquals(expected, command("info", "NOPE"));
        assertEquals(expected, command("clear", "NOPE"));
        assertEquals(expected, command("run", "NOPE"));
        assertEquals(expected, command("pin", "NOPE", CUDA_BUNDLE));
    }

    @Test
    public void failuresListAMalformedServiceAndTheHealthCheckWarnsUntilItIsGone() {
        assertEquals("No failures.", command("failures"));
        assertStatus(Result.Status.OK);

        ServiceRegistration<AttentionBackend> bad = registerAttentionService(new TestAttentionBackend("bad", "bad"),
                "bad", null);
        long badId = serviceId(bad);

        String failures = command("failures");
        assertTrue(failures, failures.contains("Service " + badId + " of bundle " + bundleContext.getBundle().getBundleId()));
        assertTrue(failures, failures.contains("INVALID_NAME"));
        Result warned = assertStatus(Result.Status.WARN);
        assertTrue(messages(warned), messages(warned).contains("Service " + badId + " "));

        bad.unregister();
        assertEquals("No failures.", command("failures"));
        assertStatus(Result.Status.OK);
    }

    @Test
    public void theHealthCheckIsCriticalWhileTheCudaDefaultsAreStoppedAndOkOnceTheyAreBack() throws Exception {
        Bundle cuda = bundle(CUDA_BUNDLE);
        assertStatus(Result.Status.OK);
        try {
            cuda.stop();

            Result critical = assertStatus(Result.Status.CRITICAL);
            assertTrue(messages(critical), messages(critical).contains("FLASH_ATTN has no provider"));
            assertEquals(List.of("FLASH_ATTN", "-", "no", "0"), row(command("list"), "FLASH_ATTN"));
        } finally {
            cuda.start();
        }
        assertStatus(Result.Status.OK);
    }

    /** Calls a command as the shell would: by name, with String arguments, printing what it returns. */
    private String command(String function, String... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        Arrays.fill(types, String.class);
        try {
            Method method = commands.getClass().getMethod(function, types);
            // the commands print to the session's output, which outside a shell is System.out
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream console = System.out;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                method.invoke(commands, (Object[]) arguments);
            } finally {
                System.setOut(console);
            }
            String output = printed.toString(StandardCharsets.UTF_8).stripTrailing();
            System.out.println("g! backend:" + function + " " + String.join(" ", arguments) + "\n" + output);
            return output;
        } catch (InvocationTargetException threw) {
            throw new AssertionError("backend:" + function + " threw instead of answering", threw.getCause());
        } catch (ReflectiveOperationException notACommand) {
            throw new AssertionError("backend:" + function + " with " + arguments.length + " arguments", notACommand);
        }
    }

    private static List<String> row(String table, String name) {
        return table.lines().map(OperationsIT::cells).filter(cells -> cells.get(0).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + table));
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s{2,}"));
    }

    private Result assertStatus(Result.Status expected) {
        Result result = healthCheck.execute();
        assertEquals(messages(result), expected, result.getStatus());
        return result;
    }

    private static String messages(Result result) {
        StringBuilder messages = new StringBuilder();
        for (ResultLog.Entry entry : result) {
            messages.append(entry.getStatus()).append(' ').append(entry.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private NameDTO flashAttnView() {
        return Arrays.stream(runtime.getRuntimeDTO().names)
                .filter(n -> "attention".equals(n.family) && "FLASH_ATTN".equals(n.name)).findFirst().orElseThrow();
    }

    /** @return a service factory whose first {@code getService} returns null and every later one {@code backend} */
    private static ServiceFactory<AttentionBackend> nullOnTheFirstCall(AtomicInteger calls, AttentionBackend backend) {
        return new ServiceFactory<>() {
            @Override
            public AttentionBackend getService(Bundle bundle, ServiceRegistration<AttentionBackend> registration) {
                return calls.getAndIncrement() == 0 ? null : backend;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<AttentionBackend> registration,
                    AttentionBackend service) {
            }
        };
    }

    /** @return what the commands say of a provider after its label, e.g. {@code (service 64, bundle 32 version 1.0.0.SNAPSHOT, ranking 0, override)} */
    private static String facts(long serviceId, Bundle bundle, String kind) {
        return "(service " + serviceId + ", bundle " + bundle.getBundleId() + " version " + bundle.getVersion()
                + ", ranking 0, " + kind + ")";
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    private long cudaFlashAttnServiceId() throws Exception {
        ServiceReference<?>[] references = bundleContext.getServiceReferences(AttentionBackend.class.getName(),
                "(&(" + BackendConstants.BACKEND_NAME + "=FLASH_ATTN)(" + BackendConstants.BACKEND_DEFAULT + "=true))");
        assertNotNull("no default FLASH_ATTN service", references);
        assertEquals(1, references.length);
        return (Long) references[0].getProperty(Constants.SERVICE_ID);
    }
}
