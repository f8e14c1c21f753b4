package org.backendregistry.itests.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.backendregistry.itests.BackendRegistryTestSupport;
import org.backendregistry.itests.BackendShell;
import org.backendregistry.mamba.MambaBackend;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceException;

/**
 * Two frameworks in two JVMs on the loopback interface: this one (the importing side, which also runs
 * the ZooKeeper server of Aries RSA's discovery) and a forked copy of the distribution that exports
 * FLASH_ATTN through {@code org.backendregistry.remote}. The propagation times are printed to the test
 * output ({@code target/failsafe-reports/...-output.txt}).
 */
@ExamReactorStrategy(PerClass.class)
public class AcrossJvmsIT extends BackendRegistryTestSupport {

    /** How long the forked framework may take to start and publish its endpoint, on a busy 2-core machine. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(120);

    /** How long a running node may take to export again once its exporter is back in deploy/. */
    private static final Duration REDEPLOY_TIMEOUT = Duration.ofSeconds(30);

    /** How often the redeploy test takes the exporter out of the running node and puts it back. */
    private static final int REDEPLOY_ROUNDS = 3;

    private static ExportingNode node;

    /** How many test methods have run in this JVM, so that the node outlives all but the last. */
    private static int testsRun;

    private RemoteSetup remote;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), operations(),
                // as the distribution's launcher does: JAXB and ZooKeeper come from the class path
                systemPackages(RemoteSetup.CLASS_PATH_PACKAGES.split(",(?=[a-z])")),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                mavenBundle("org.apache.aries.rsa", "org.apache.aries.rsa.spi").versionAsInProject(),
                mavenBundle("org.apache.aries.rsa", "org.apache.aries.rsa.core").versionAsInProject(),
                mavenBundle("org.apache.aries.rsa", "org.apache.aries.rsa.topology-manager").versionAsInProject(),
                mavenBundle("org.apache.aries.rsa.provider", "org.apache.aries.rsa.provider.tcp").versionAsInProject(),
                mavenBundle("org.apache.aries.rsa.discovery", "org.apache.aries.rsa.discovery.local").versionAsInProject(),
                mavenBundle("org.apache.aries.rsa.discovery", "org.apache.aries.rsa.discovery.zookeeper")
                        .versionAsInProject(),
                SelfExportingBackendBundle.built());
    }

    @Before
    public void theOtherFrameworkExportsFlashAttn() throws Exception {
        remote = new RemoteSetup(bundleContext);
        remote.startZooKeeperAndDiscovery();
        // one node while it lives: a test that took its exporter out leaves it to be put back, as an operator
        // would; only a test that killed it costs a new one
        if (node == null || !node.isAlive()) {
            if (node != null) {
                node.kill();
            }
            node = ExportingNode.start(Path.of("target", "remote-nodes").toAbsolutePath(), remote.zooKeeperPort(),
                    RemoteSetup.freeLoopbackPort());
        } else if (!node.isExporterDeployed()) {
            node.redeployExporter();
        }
        remote.policy("prefer-remote");
        awaitImports(IMPORT_TIMEOUT);
    }

    /**
     * Waits until the imported FLASH_ATTN serves and answers a call and the imported MAMBA2 serves (so that
     * discovery has settled and logs nothing into a shell command's output); fails with the exporting node's log.
     */
    private void awaitImports(Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .failFast("the exporting JVM exited", () -> !node.isAlive())
                    .until(() -> flashAttn().serving.imported && answers(registry.backend(AttentionBackendId.FLASH_ATTN))
                            && remote.name("MAMBA2").serving.imported);
        } catch (ConditionTimeoutException | AssertionError notImported) {
            throw new AssertionError("FLASH_ATTN and MAMBA2 were not imported; the exporting node's log:\n" + node.log(),
                    notImported);
        }
    }

    @After
    public void countTheTest() {
        testsRun++;
    }

    /**
     * Pax Exam runs this after each test method: the node stays for the next test until the last one has run
     * (and {@link ExportingNode} kills it when the test JVM exits in any case).
     */
    @AfterClass
    public static void stopTheOtherFrameworkAfterTheLastTest() throws InterruptedException {
        long tests = Arrays.stream(AcrossJvmsIT.class.getMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
        if (node != null && testsRun >= tests) {
            node.kill();
            node = null;
        }
    }

    @Test
    public void theImportedProviderServesUnderPreferRemoteAndTheLocalOneUnderPreferLocal() throws Exception {
        ProviderDTO imported = flashAttn().serving;
        assertTrue(imported.endpointId, imported.endpointId.startsWith("tcp://127.0.0.1:"));
        assertNotNull(imported.endpointFrameworkUuid);
        assertFalse(imported.endpointFrameworkUuid.equals(bundleContext.getProperty("org.osgi.framework.uuid")));

        // Aries 1.14's tcp provider has no bind address: it listens on every interface (README, Across machines)
        List<String> listening = remote.listeningAddresses(imported.endpointId);
        if (Files.isReadable(Path.of("/proc/net/tcp"))) {
            assertFalse("nothing listens on " + imported.endpointId, listening.isEmpty());
            assertTrue(listening.toString(), listening.stream().allMatch(address -> address.matches("0+")));
        }

        String where = " @ " + imported.endpointId + " (framework " + imported.endpointFrameworkUuid + ")";
        try (BackendShell shell = new BackendShell(bundleContext, SETTLE_TIMEOUT_MS)) {
            assertTrue(shell.run("info", "FLASH_ATTN").lines().anyMatch(line -> line.startsWith("Served by ")
                    && line.contains(where) && line.endsWith("because it is the best default under remote.policy.")));
            assertTrue(shell.run("list").lines()
                    .anyMatch(line -> line.startsWith("FLASH_ATTN ") && line.contains(where)));

            // export.names = FLASH_ATTN, mamba:MAMBA2: the mamba name is exported at the next port, from the same node
            ProviderDTO mamba2 = remote.name("MAMBA2").serving;
            assertEquals(imported.endpointFrameworkUuid, mamba2.endpointFrameworkUuid);
            int flashPort = Integer.parseInt(imported.endpointId.substring(imported.endpointId.lastIndexOf(':') + 1));
            assertEquals("tcp://127.0.0.1:" + (flashPort + 1), mamba2.endpointId);
            MambaBackend mambaProxy = registry.backend(MambaBackendId.MAMBA2);
            assertTrue(Proxy.isProxyClass(mambaProxy.getClass()));
            // the call runs in the exporting node's default MAMBA2, whose kernels take fp16 and bf16
            assertEquals(Set.of("float16", "bfloat16"), mambaProxy.capabilities().dtypes());

            remote.policy("prefer-local");

            assertTrue(awaitRegistry(r -> !flashAttn().serving.imported));
            NameDTO name = flashAttn();
            assertEquals("org.backendregistry.backends.cuda", name.serving.bundleSymbolicName);
            assertEquals(imported.endpointId, remote.imported(name).endpointId);
            assertTrue(shell.run("info", "FLASH_ATTN").lines().anyMatch(line -> line.contains(where)
                    && line.endsWith("does not serve: shadowed by service " + name.serving.id + ".")));
        }
    }

    @Test
    public void computeThroughTheProxyEqualsTheLocalReferenceWithin1e5() {
        AttentionBackend serving = registry.backend(AttentionBackendId.FLASH_ATTN);
        assertTrue("served through a Remote Services proxy", Proxy.isProxyClass(serving.getClass()));
        AttentionInput input = typicalProblem();

        float[] remoteResult = serving.compute(input);
        float[] localResult = ReferenceAttention.compute(input);

        assertEquals(localResult.length, remoteResult.length);
        for (int i = 0; i < localResult.length; i++) {
            assertEquals("element " + i, localResult[i], remoteResult[i], 1e-5f);
        }
    }

    @Test
    public void backendRunComputesThroughTheProxyAndReportsTheDifferenceFromTheReference() throws Exception {
        try (BackendShell shell = new BackendShell(bundleContext, SETTLE_TIMEOUT_MS)) {
            String run = shell.run("run", "FLASH_ATTN");

            assertTrue(run, run.startsWith("FLASH_ATTN computed by org.apache.aries.rsa.spi/"));
            String marker = "Max relative difference from ReferenceAttention: ";
            double difference = Double.parseDouble(run.substring(run.indexOf(marker) + marker.length()).trim());
            assertTrue(run, difference < 1e-5);
        }
    }

    @Test
    public void whenTheExportingBundleStopsTheLocalProviderServesAgainWithinDiscoveryPropagation() throws Exception {
        long start = System.nanoTime();
        node.undeployExporter();

        assertTrue(awaitRegistry(r -> remote.imported(flashAttn()) == null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Across JVMs: exporting bundle stopped -> local provider serves again after " + millis
                + " ms (FileInstall notices the deletion within its 500 ms poll of deploy/)");
        assertEquals("org.backendregistry.backends.cuda", flashAttn().serving.bundleSymbolicName);
    }

    @Test
    public void theExporterPutBackIntoDeployIsImportedAgainEachTimeAndItsConfigurationFileKeepsItsNames()
            throws Exception {
        String endpoint = flashAttn().serving.endpointId;
        // several rounds in the same node: a redeploy that works once and then sticks is what an operator would hit
        for (int round = 1; round <= REDEPLOY_ROUNDS; round++) {
            node.undeployExporter();
            assertTrue(awaitRegistry(r -> remote.imported(flashAttn()) == null
                    && remote.imported(remote.name("MAMBA2")) == null));

            long start = System.nanoTime();
            node.redeployExporter();
            awaitImports(REDEPLOY_TIMEOUT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("Across JVMs: exporting bundle put back into deploy/ (round " + round
                    + ") -> imported provider serves again after " + millis + " ms");

            ProviderDTO again = flashAttn().serving;
            assertTrue(again.imported);
            assertEquals("the fixed export.port gives the same endpoint", endpoint, again.endpointId);
            Properties file = node.exportConfiguration();
            assertEquals(ExportingNode.EXPORT_NAMES, file.getProperty("export.names"));
        }
    }

    @Test
    public void aBackendThatExportsItselfIsImportedAndServesWithItsEndpointShown() throws Exception {
        String uuid = flashAttn().serving.endpointFrameworkUuid;
        String endpoint = "tcp://127.0.0.1:" + Integer.getInteger(SelfExportingBackendBundle.PORT);
        String jar = node.deploy(Path.of(System.getProperty("itest.jar." + SelfExportingBackendBundle.JAR)));
        try {
            Awaitility.await().atMost(IMPORT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .failFast("the exporting JVM exited", () -> !node.isAlive())
                    .until(() -> remote.name("TRITON_ATTN").serving.imported);

            ProviderDTO triton = remote.name("TRITON_ATTN").serving;
            assertEquals(endpoint, triton.endpointId);
            assertEquals(uuid, triton.endpointFrameworkUuid);
            assertFalse("an override, as its bundle registered it", triton.isDefault);
            AttentionBackend proxy = registry.backend(AttentionBackendId.TRITON_ATTN);
            assertTrue(Proxy.isProxyClass(proxy.getClass()));
            assertEquals(Set.of(80, 112), proxy.capabilities().headSizes());
            String where = " @ " + endpoint + " (framework " + uuid + ")";
            try (BackendShell shell = new BackendShell(bundleContext, SETTLE_TIMEOUT_MS)) {
                assertTrue(shell.run("info", "TRITON_ATTN").lines()
                        .anyMatch(line -> line.startsWith("Served by ") && line.contains(where)));
            }
        } finally {
            node.undeploy(jar);
        }
        assertTrue(awaitRegistry(r -> remote.imported(remote.name("TRITON_ATTN")) == null));
        assertTrue(remote.name("TRITON_ATTN").serving.isDefault);
    }

    @Test
    public void whenTheExportingJvmIsKilledCallsFailFastNamingTheEndpointAndTheLocalProviderServesAgain()
            throws Exception {
        String endpoint = flashAttn().serving.endpointId;
        AttentionBackend proxy = registry.backend(AttentionBackendId.FLASH_ATTN);
        long start = System.nanoTime();
        node.kill();

        long callStart = System.nanoTime();
        ServiceException failure = assertThrows(ServiceException.class, () -> proxy.compute(typicalProblem()));
        long callMillis = (System.nanoTime() - callStart) / 1_000_000;
        assertTrue(failure.getMessage(), failure.getMessage().contains(endpoint.substring("tcp://".length())));
        assertTrue("the failed call took " + callMillis + " ms", callMillis < 2_000);

        assertTrue(awaitRegistry(r -> remote.imported(flashAttn()) == null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Across JVMs: exporting JVM killed -> a call failed after " + callMillis
                + " ms, local provider serves again after " + millis + " ms (ZooKeeper session timeout 2000 ms)");
        assertEquals("org.backendregistry.backends.cuda", flashAttn().serving.bundleSymbolicName);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> remote.transportThreads().isEmpty() && remote.connectionsTo(endpoint) == 0);
    }

    /** Whether a call through the proxy gets an answer: the endpoint is imported and its server listens. */
    private static boolean answers(AttentionBackend backend) {
        try {
            return backend.capabilities() != null;
        } catch (ServiceException notYet) {
            return false;
        }
    }

    private NameDTO flashAttn() {
        return remote.name("FLASH_ATTN");
    }

    /** A grouped-query causal problem of a decode step's size: 8 tokens, 8 heads over 2 kv heads, 64 wide. */
    private static AttentionInput typicalProblem() {
        Random random = new Random(11);
        float[] query = new float[8 * 8 * 64];
        float[] key = new float[8 * 2 * 64];
        float[] value = new float[8 * 2 * 64];
        for (float[] array : new float[][] { query, key, value }) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (float) random.nextGaussian();
            }
        }
        return AttentionInput.of(query, key, value, 8, 8, 2, 64, true);
    }
}
