package org.backendregistry.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** Runs the distribution: an embedded Felix with every jar of bundle/ started, until Ctrl-C or the framework stops. */
public final class Main {

    private static final long SHUTDOWN_TIMEOUT_MILLIS = 30_000;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = home();
        Map<String, String> properties = FrameworkProperties.forHome(home);
        boolean webConsole = WebConsoleSetting.isOn(properties);
        if (webConsole) {
            try {
                WebConsoleSetting.apply(properties);
            } catch (IllegalStateException noPassword) {
                System.err.println(noPassword.getMessage());
                System.exit(2);
            }
        }
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No OSGi framework on the class path: keep lib/ beside " + home.resolve("backend-registry.jar")))
                .newFramework(properties);
        framework.init();
        // without a terminal (CI, </dev/null) nobody types commands, and the shell would stop the framework at
        // the end of stdin; the launcher then runs without a shell until it is killed
        boolean terminal = System.console() != null;
        BundleInstaller installer = new BundleInstaller(framework.getBundleContext(), terminal);
        installer.installAll(home.resolve("bundle"));
        if (webConsole) {
            installer.installAll(WebConsoleSetting.folder(home));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "backend-registry-shutdown"));
        framework.start();
        String watched = properties.get(FrameworkProperties.FILEINSTALL_DIR);
        System.out.println("Backend registry running. Hot-deploy bundles into "
                + (watched.contains(",") ? FrameworkProperties.deployFolder(home) : watched) + "; Ctrl-C stops.");
        if (webConsole) {
            System.out.println("Web Console: http://127.0.0.1:" + properties.get(WebConsoleSetting.PORT)
                    + "/system/console/backends");
        }
        FrameworkEvent stopped = framework.waitForStop(0);
        // exit rather than return: a bundle may have left a non-daemon thread behind
        System.exit(stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
    }

    /** The folder holding the launcher jar: every path is relative to it, so the launcher runs from any directory. */
    private static Path home() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.toAbsolutePath().getParent();
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(SHUTDOWN_TIMEOUT_MILLIS);
        } catch (BundleException | InterruptedException e) {
            System.err.println("Stopping the framework failed: " + e);
        }
    }
}
