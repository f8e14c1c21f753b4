package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.itests.deploy.DeployMarkerBundle;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Backends dropped into a folder that Felix FileInstall watches: a jar that is still being written
 * (truncated) is not installed and changes nothing, and the complete jar that replaces it overrides.
 */
@ExamReactorStrategy(PerClass.class)
public class DeployFolderIT extends BackendRegistryTestSupport {

    private static final String DEPLOY_DIR = "felix.fileinstall.dir";
    private static final String POLL_MS = "100";
    /** A few poll periods and FileInstall's two-poll stability check, with room for a loaded machine. */
    private static final long FILEINSTALL_BOUND_MS = 15_000;
    private static final String FLASH_ATTN_JVM_SYMBOLIC_NAME = "org.backendregistry.examples.flash-attn-jvm";

    @Inject
    private BackendRegistryRuntime runtime;

    private LogCapture fileInstallLog;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall").versionAsInProject(),
                frameworkProperty(DEPLOY_DIR).value(newDeployFolder()),
                frameworkProperty("felix.fileinstall.poll").value(POLL_MS),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                // FileInstall logs through java.util.logging, so that the test can read its warnings
                frameworkProperty("felix.fileinstall.log.default").value("jul"),
                frameworkProperty("felix.fileinstall.log.level").value("3"),
                DeployMarkerBundle.built());
    }

    private static String newDeployFolder() {
        try {
            File folder = Files.createTempDirectory("deploy").toFile();
            folder.deleteOnExit();
            return folder.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the deploy folder", e);
        }
    }

    @Before
    public void captureTheFileInstallLog() {
        fileInstallLog = LogCapture.attach("fileinstall");
    }

    @After
    public void stopCapturing() {
        fileInstallLog.close();
    }

    /**
     * FileInstall 3.7.4 does not install a jar it cannot open: it keeps the file pending and looks at it
     * again on every poll, without logging anything. What a user can observe is that no bundle comes
     * from it and every name keeps its provider; once the complete jar replaces it, it overrides.
     */
    @Test
    public void aTruncatedJarInTheDeployFolderChangesNothingAndTheCompleteOneThenOverrides() throws Exception {
        Path deploy = Path.of(bundleContext.getProperty(DEPLOY_DIR));
        byte[] jar = Files.readAllBytes(Path.of(URI.create(moduleJarUrl("flash-attn-jvm"))));
        Path target = deploy.resolve("flash-attn-jvm.jar");

        Files.write(target, Arrays.copyOf(jar, jar.length / 2));
        // written after the truncated jar, so FileInstall has looked at that one once it installed this one
        Files.copy(Path.of(URI.create(moduleJarUrl(DeployMarkerBundle.JAR))), deploy.resolve("marker.jar"));
        waitingAtMost(FILEINSTALL_BOUND_MS).alias("FileInstall installs the marker")
                .until(() -> bundle(DeployMarkerBundle.SYMBOLIC_NAME).isPresent());
        assertEquals("bundles from the truncated jar", Optional.empty(), flashAttnJvmBundle());
        assertServedByDefault(AttentionBackendId.FLASH_ATTN);
        assertEveryDefaultServes();
        assertEquals("failed services", 0, runtime.getRuntimeDTO().failedServices.length);
        System.out.println("DeployFolderIT: FileInstall's warnings about the truncated jar: "
                + fileInstallWarningsAbout(target));

        // written beside the folder and moved in, as one copies into a watched folder
        Path complete = Files.write(Files.createTempFile(deploy.getParent(), "flash-attn-jvm", ".part"), jar);
        Files.move(complete, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        waitingAtMost(FILEINSTALL_BOUND_MS).untilAsserted(() -> assertEquals("the complete jar overrides FLASH_ATTN; "
                + "FLASH_ATTN: " + registry.serving(AttentionBackendId.FLASH_ATTN) + "; FileInstall: "
                + fileInstallLog.warnings(), JVM_FLASH_ATTN_CLASS, registry.path(AttentionBackendId.FLASH_ATTN)));
        Bundle installed = flashAttnJvmBundle().orElseThrow();
        assertEquals(Bundle.ACTIVE, installed.getState());
        BackendProvider serving = registry.serving(AttentionBackendId.FLASH_ATTN).orElseThrow();
        assertEquals(serving.toString(), installed.getBundleId(), serving.bundleId());
        assertTrue(registry.isOverridden(AttentionBackendId.FLASH_ATTN));

        Files.delete(target);
        Files.delete(deploy.resolve("marker.jar"));
        waitingAtMost(FILEINSTALL_BOUND_MS).alias("deleting the jar uninstalls the override")
                .until(() -> flashAttnJvmBundle().isEmpty() && !registry.isOverridden(AttentionBackendId.FLASH_ATTN));
        assertEveryDefaultServes();
    }

    private List<String> fileInstallWarningsAbout(Path file) {
        return fileInstallLog.warnings().stream().filter(w -> w.contains(file.getFileName().toString())).toList();
    }

    private Optional<Bundle> flashAttnJvmBundle() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> FLASH_ATTN_JVM_SYMBOLIC_NAME.equals(b.getSymbolicName())
                        || b.getLocation().contains("flash-attn-jvm.jar"))
                .findFirst();
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst();
    }
}
