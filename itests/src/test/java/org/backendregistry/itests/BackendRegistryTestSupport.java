package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;

/**
 * Boots Felix with SCR, the registry and the default backend bundles (the jars the sibling modules
 * have just built), and holds the waits and checks the tests share.
 *
 * <p>Each concrete test class carries {@code @ExamReactorStrategy(PerClass.class)} itself: Pax Exam
 * reads that annotation from the test class only, so one framework boots per class.
 */
@RunWith(PaxExam.class)
public abstract class BackendRegistryTestSupport {

    /** How long a test waits for the framework to settle before it asserts what it sees. */
    protected static final long SETTLE_TIMEOUT_MS = 30_000;

    protected static final String JVM_FLASH_ATTN_CLASS = "org.backendregistry.examples.flashattn.JvmFlashAttentionBackend";
    protected static final String CUSTOM_ATTENTION_CLASS = "org.backendregistry.examples.custom.CustomAttentionBackend";
    protected static final String CUSTOM_MAMBA_CLASS = "org.backendregistry.examples.custom.CustomMambaBackend";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected BackendRegistry registry;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<Bundle> installed = new ArrayList<>();

    /** The framework every test class starts from: SCR, the registry and every default backend. */
    protected static Option baseConfiguration() {
        return composite(felixInfrastructure(), registryBundle(), defaultBackends());
    }

    /**
     * JUnit and Awaitility for the probe (Awaitility with the hamcrest 2 it imports; JUnit's bundle keeps
     * its own hamcrest 1.3), and Felix SCR with the OSGi APIs it needs (DS 1.5).
     */
    protected static Option felixInfrastructure() {
        return composite(
                junitBundles(),
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject());
    }

    /** The registry bundle: API, SPI and the registry service. */
    protected static Option registryBundle() {
        return bundle(moduleJarUrl("registry"));
    }

    /** The bundles that provide a default for every catalog name except CUSTOM. */
    protected static Option defaultBackends() {
        return composite(
                bundle(moduleJarUrl("cpu")),
                bundle(moduleJarUrl("cuda")),
                bundle(moduleJarUrl("rocm")),
                bundle(moduleJarUrl("tpu-xpu")),
                bundle(moduleJarUrl("mamba")));
    }

    /**
     * The operations bundles (shell commands, health check) with what surrounds them in a real
     * deployment: Felix ConfigAdmin and Metatype, and the Felix Health Check API.
     */
    protected static Option operations() {
        return composite(
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.healthcheck.api").versionAsInProject(),
                bundle(moduleJarUrl("shell")),
                bundle(moduleJarUrl("healthcheck")));
    }

    /**
     * The {@code file:} URL of a freshly built jar. Failsafe passes each module's path as the system
     * property {@code itest.jar.<module>}; the native container shares the test JVM, so the same
     * property serves the probe when it installs a bundle itself.
     */
    protected static String moduleJarUrl(String module) {
        String key = "itest.jar." + module;
        String path = System.getProperty(key);
        if (path == null) {
            throw new IllegalStateException("System property " + key + " is not set: run the integration tests "
                    + "with Maven (mvn verify), whose failsafe configuration points it at the module's jar");
        }
        File jar = new File(path);
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " does not exist: build the module '" + module
                    + "' (mvn verify from the root builds it before the integration tests)");
        }
        return jar.toURI().toString();
    }

    /** @return every catalog id of both families that has a default implementation */
    protected static List<BackendId<?>> catalogIdsWithDefaults() {
        return Stream.<BackendId<?>>concat(Stream.of(AttentionBackendId.values()), Stream.of(MambaBackendId.values()))
                .filter(id -> id.defaultClassName().isPresent())
                .toList();
    }

    @Before
    public void waitForEveryDefaultToServe() throws InterruptedException {
        boolean settled = awaitRegistry(r -> catalogIdsWithDefaults().stream()
                .allMatch(id -> r.serving(id).map(BackendProvider::isDefault).orElse(false)));
        if (!settled) {
            assertEveryDefaultServes();
        }
    }

    @After
    public void withdrawWhatTheTestRegisteredAndInstalled() throws BundleException {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the test unregistered it itself
            }
        }
        registrations.clear();
        for (Bundle bundle : installed) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
        installed.clear();
    }

    /**
     * Installs (without starting) a bundle the framework does not start with, such as an example
     * module's jar; it is uninstalled after the test.
     *
     * @param jar the name in {@code itest.jar.<name>}, e.g. {@code flash-attn-jvm} or {@code custom-backend}
     */
    protected Bundle install(String jar) throws BundleException {
        Bundle bundle = bundleContext.installBundle(moduleJarUrl(jar));
        installed.add(bundle);
        return bundle;
    }

    /**
     * Registers {@code backend} from the probe bundle as an AttentionBackend service; it is unregistered
     * after the test.
     *
     * @param name    the {@code backend.name} value, or {@code null} to leave the property out
     * @param ranking the {@code service.ranking}, or {@code null} to leave it out
     */
    protected ServiceRegistration<AttentionBackend> registerAttentionService(AttentionBackend backend, Object name,
            Integer ranking) {
        ServiceRegistration<AttentionBackend> registration = bundleContext.registerService(AttentionBackend.class,
                backend, properties(name, ranking));
        registrations.add(registration);
        return registration;
    }

    /** Remembers a registration made some other way, so that it is unregistered after the test. */
    protected <S extends ServiceRegistration<?>> S unregisterAfterTest(S registration) {
        registrations.add(registration);
        return registration;
    }

    /** @return service properties with the given {@code backend.name} and {@code service.ranking} (null: absent) */
    protected static Dictionary<String, Object> properties(Object name, Integer ranking) {
        Dictionary<String, Object> properties = new Hashtable<>();
        if (name != null) {
            properties.put(BackendConstants.BACKEND_NAME, name);
        }
        if (ranking != null) {
            properties.put(Constants.SERVICE_RANKING, ranking);
        }
        return properties;
    }

    /** @return the {@code service.id} of a registration */
    protected static long serviceId(ServiceRegistration<?> registration) {
        return (Long) registration.getReference().getProperty(Constants.SERVICE_ID);
    }

    /** Asserts that the name is served by its catalog default, as a user of the registry sees it. */
    protected void assertServedByDefault(BackendId<?> id) {
        String expected = id.defaultClassName().orElseThrow(() -> new AssertionError(id + " has no default"));
        assertEquals(id.name() + ": path", expected, registry.path(id));
        assertFalse(id.name() + ": isOverridden", registry.isOverridden(id));
        BackendProvider provider = registry.serving(id)
                .orElseThrow(() -> new AssertionError(id.name() + ": nothing serves it"));
        assertTrue(id.name() + ": served by " + provider + ", not by a default", provider.isDefault());
    }

    /** Asserts that every catalog name of both families except CUSTOM is served by its default. */
    protected void assertEveryDefaultServes() {
        catalogIdsWithDefaults().forEach(this::assertServedByDefault);
    }

    /**
     * A bounded wait for state that changes without an event the test can observe, such as ConfigAdmin
     * delivering a configuration or FileInstall scanning its folder on their own threads: the condition is
     * checked at once and then every 5 ms on the test's thread, a RuntimeException counting as "not yet",
     * until it holds or {@code timeoutMs} have passed (then it throws).
     */
    protected static ConditionFactory waitingAtMost(long timeoutMs) {
        return Awaitility.await().atMost(Duration.ofMillis(timeoutMs)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).pollInSameThread()
                .ignoreExceptionsInstanceOf(RuntimeException.class);
    }

    /**
     * Waits until {@code condition} holds for the registry, re-checking it on every service event and
     * every change the registry announces, for at most {@link #SETTLE_TIMEOUT_MS}.
     *
     * @return whether the condition held in time; the caller asserts what it expected
     */
    protected boolean awaitRegistry(Predicate<BackendRegistry> condition)
            throws InterruptedException {
        Object monitor = new Object();
        long[] events = {0};
        Runnable wake = () -> {
            synchronized (monitor) {
                events[0]++;
                monitor.notifyAll();
            }
        };
        ServiceListener serviceListener = event -> wake.run();
        bundleContext.addServiceListener(serviceListener);
        ServiceRegistration<BackendListener> backendListener = bundleContext.registerService(BackendListener.class,
                change -> wake.run(), null);
        try {
            long deadline = System.nanoTime() + SETTLE_TIMEOUT_MS * 1_000_000;
            while (true) {
                long seen;
                synchronized (monitor) {
                    seen = events[0];
                }
                if (holds(condition)) {
                    return true;
                }
                synchronized (monitor) {
                    while (events[0] == seen) {
                        long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                        if (remainingMs <= 0) {
                            return false;
                        }
                        monitor.wait(remainingMs);
                    }
                }
            }
        } finally {
            backendListener.unregister();
            bundleContext.removeServiceListener(serviceListener);
        }
    }

    private boolean holds(Predicate<BackendRegistry> condition) {
        try {
            return condition.test(registry);
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
