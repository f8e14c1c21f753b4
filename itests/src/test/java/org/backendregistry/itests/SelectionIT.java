package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;
import org.backendregistry.attention.select.InvalidBackendChoiceException;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.attention.select.SelectionChange;
import org.backendregistry.attention.select.SelectionSubscription;
import org.backendregistry.itests.select.AnyHeadSizeCpuAttentionBundle;
import org.backendregistry.mamba.MambaBackend;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The BackendSelector in a real framework: answers follow hot deployment, subscribers hear each change in
 * order, an explicit choice never falls back, and the device comes from configuration.
 */
@ExamReactorStrategy(PerClass.class)
public class SelectionIT extends BackendRegistryTestSupport {

    /** Head size 48 is not among the default CPU_ATTN's head sizes. */
    private static final AttentionSelectorConfig HEAD_48 = AttentionSelectorConfig.builder(48, "bfloat16").build();

    private static final String HEAD_48_REJECTED = "No valid attention backend found for cpu with "
            + "AttentionSelectorConfig(head_size=48, dtype=torch.bfloat16, kv_cache_dtype=auto, block_size=None, "
            + "use_mla=False, has_sink=False, use_sparse=False, use_mm_prefix=False, use_per_head_quant_scales=False, "
            + "attn_type=AttentionType.DECODER, use_non_causal=False, use_batch_invariant=False, "
            + "use_kv_connector=False). Reasons: {CPU_ATTN: [head_size not supported]}.";

    /**
     * How long a subscriber may take to hear a change: its listener runs on the selector's own thread, which a
     * loaded machine can hold up well past the time a registry change takes.
     */
    private static final long SUBSCRIBER_TIMEOUT_MS = 2 * SETTLE_TIMEOUT_MS;

    @Inject
    private BackendSelector selector;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                bundle(moduleJarUrl("selector")),
                bundle(moduleJarUrl("shell")),
                AnyHeadSizeCpuAttentionBundle.built());
    }

    @Test
    public void anOverrideWithWiderCapabilitiesIsChosenWhileItIsDeployedAndSubscribersHearBothChanges()
            throws Exception {
        assertEquals(HEAD_48_REJECTED, assertThrows(NoValidBackendException.class, () -> selector.select(HEAD_48))
                .getMessage());
        List<SelectionChange> changes = new CopyOnWriteArrayList<>();
        try (SelectionSubscription subscription = selector.subscribe(HEAD_48, changes::add)) {
            Bundle override = install(AnyHeadSizeCpuAttentionBundle.JAR);

            override.start();
            Selection selection = selector.select(HEAD_48);
            assertEquals("CPU_ATTN", selection.name());
            assertEquals(AnyHeadSizeCpuAttentionBundle.SYMBOLIC_NAME, selection.provider().bundleSymbolicName());
            assertEquals(List.of("CPU_ATTN: chosen"), selection.candidates().stream().map(Object::toString).toList());
            try (BackendLease<AttentionBackend> lease = selection.lease()) {
                assertEquals(selection.provider(), lease.provider());
                assertSame(selection.backend(), lease.backend());
            }
            // the deployment is told before the bundle leaves: a subscriber hears of an answer that changed, and
            // one that changes back before the selector's thread looks again may go untold
            waitingAtMost(SUBSCRIBER_TIMEOUT_MS).until(() -> changes.size() >= 1);

            override.uninstall();
            assertEquals(HEAD_48_REJECTED, assertThrows(NoValidBackendException.class,
                    () -> selector.select(HEAD_48)).getMessage());
            waitingAtMost(SUBSCRIBER_TIMEOUT_MS).until(() -> changes.size() >= 2);
        }
        assertEquals(2, changes.size());
        SelectionChange deployed = changes.get(0);
        assertEquals(AnyHeadSizeCpuAttentionBundle.SYMBOLIC_NAME,
                deployed.current().orElseThrow().provider().bundleSymbolicName());
        assertEquals(true, deployed.previous().isEmpty());
        SelectionChange undeployed = changes.get(1);
        assertEquals(AnyHeadSizeCpuAttentionBundle.SYMBOLIC_NAME,
                undeployed.previous().orElseThrow().provider().bundleSymbolicName());
        assertEquals(HEAD_48_REJECTED, undeployed.failure().orElseThrow());
    }

    @Test
    public void aMambaTypeIsServedByWhatServesItsNameNowAndAnUnknownTypeIsNamedWithTheValidOnes() {
        assertEquals("org.backendregistry.backends.mamba.Mamba2AttentionBackend",
                selector.mamba("mamba2").getClass().getName());
        MambaBackend override = new MambaBackend() {
            @Override
            public String name() {
                return "MAMBA2";
            }

            @Override
            public BackendCapabilities capabilities() {
                return BackendCapabilities.builder(Platform.CPU).build();
            }
        };
        unregisterAfterTest(bundleContext.registerService(MambaBackend.class, override, properties("MAMBA2", null)));

        assertSame(override, selector.mamba("mamba2"));
        assertEquals("Unknown mamba type: 'mamba3'. Valid mamba types are: mamba1, mamba2, short_conv, "
                + "linear_attention, gdn_attention, custom",
                assertThrows(IllegalArgumentException.class, () -> selector.mamba("mamba3")).getMessage());
    }

    @Test
    public void anExplicitChoiceThatDoesNotFitFailsWithVllmsWordsAndNothingElseIsChosen() {
        InvalidBackendChoiceException failure = assertThrows(InvalidBackendChoiceException.class,
                () -> selector.select(HEAD_48.toBuilder().hasSink(true).build(), "CPU_ATTN"));

        assertEquals("Selected backend CPU_ATTN is not valid for this configuration. Reason: "
                + "['head_size not supported', 'attention sinks not supported']", failure.getMessage());
    }

    @Test
    public void theDeviceAndItsPriorityListComeFromTheSelectorsConfiguration() throws Exception {
        assertEquals(Device.CPU, selector.device());
        assertEquals(DeviceOrigin.DEFAULT, selector.deviceOrigin());
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(BackendSelector.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(BackendSelector.DEVICE_PLATFORM, "cuda");
        properties.put(BackendSelector.DEVICE_COMPUTE_CAPABILITY, "10.0");
        try {
            configuration.update(properties);
            Device blackwell = Device.of(Platform.CUDA, ComputeCapability.of(10, 0));
            waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> blackwell.equals(selector.device()));
            assertEquals(DeviceOrigin.CONFIGURATION, selector.deviceOrigin());

            assertEquals(List.of("FLASHINFER", "FLASH_ATTN", "TRITON_ATTN", "FLEX_ATTENTION"), selector.priorities(false));
            Selection selection = selector.select(AttentionSelectorConfig.builder(128, "bfloat16").build());
            assertEquals("FLASHINFER", selection.name());
            assertEquals("org.backendregistry.backends.cuda", selection.provider().bundleSymbolicName());
        } finally {
            configuration.delete();
        }
        waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> Device.CPU.equals(selector.device()));
        assertEquals(DeviceOrigin.DEFAULT, selector.deviceOrigin());
    }

    @Test
    public void backendSelectPrintsVllmsFailureWithEveryCandidateAndBackendDeviceTheDeviceAndItsLists()
            throws Exception {
        assertEquals(HEAD_48_REJECTED + System.lineSeparator() + "  CPU_ATTN: [head_size not supported]",
                command("select", (Object) new String[] {"head_size=48", "dtype=bfloat16"}));
        // answered once before, so that the first answer's log line is not among what the command prints
        selector.select(AttentionSelectorConfig.builder(64, "bfloat16").blockSize(16).build());
        assertEquals("CPU_ATTN is chosen: " + registry.serving(AttentionBackendId.CPU_ATTN)
                .orElseThrow() + ", for cpu with " + AttentionSelectorConfig.builder(64, "bfloat16").blockSize(16).build()
                + "." + System.lineSeparator() + "  CPU_ATTN: chosen",
                command("select", (Object) new String[] {"head_size=64", "dtype=bfloat16", "block_size=16"}));
        assertEquals("Device: cpu" + System.lineSeparator() + "Device from: default" + System.lineSeparator()
                + "Priorities: CPU_ATTN" + System.lineSeparator()
                + "MLA priorities: CPU_ATTN", command("device"));
    }

    /** Calls a backend: command of the shell bundle as Gogo would, and returns what it printed. */
    private String command(String function, Object... arguments) throws Exception {
        ServiceReference<?>[] references = bundleContext.getServiceReferences((String) null,
                "(&(osgi.command.scope=backend)(osgi.command.function=" + function + "))");
        Object commands = bundleContext.getService(references[0]);
        Method method = Arrays.stream(commands.getClass().getMethods())
                .filter(m -> m.getName().equals(function) && m.getParameterCount() == arguments.length)
                .findFirst().orElseThrow();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            method.invoke(commands, arguments);
        } finally {
            System.setOut(console);
            bundleContext.ungetService(references[0]);
        }
        return printed.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
