package org.backendregistry.itests.remote;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second framework in its own JVM: a copy of the runnable distribution with Aries RSA from its
 * {@code remote/} folder, the JVM FLASH_ATTN example, and {@code org.backendregistry.remote}
 * exporting FLASH_ATTN and MAMBA2. The exporter sits in {@code deploy/}, so deleting it stops the exporting bundle
 * as an operator would. Its folder (with {@code node.log}) stays under {@code target/remote-nodes}.
 */
final class ExportingNode {

    static final String EXPORTER = "org.backendregistry.remote.jar";

    /** What the node's {@code org.backendregistry.remote.cfg} exports: an attention and a mamba name. */
    static final String EXPORT_NAMES = "FLASH_ATTN, mamba:MAMBA2";

    private final Path home;
    private final Process process;

    private ExportingNode(Path home, Process process) {
        this.home = home;
        this.process = process;
    }

    /**
     * Lays out a node under {@code parent} that finds ZooKeeper on the loopback {@code zooKeeperPort},
     * exports FLASH_ATTN on {@code exportPort}, and starts it. A fixed port keeps the endpoint id when
     * the exporter restarts, as an operator would configure it.
     */
    static ExportingNode start(Path parent, int zooKeeperPort, int exportPort) throws IOException {
        Path distribution = Path.of(System.getProperty("itest.distribution"));
        Files.createDirectories(parent);
        Path home = Files.createTempDirectory(parent, "node-");
        copyTree(distribution, home);
        try (Stream<Path> remote = Files.list(home.resolve("remote"))) {
            for (Path jar : remote.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Path folder = jar.getFileName().toString().equals(EXPORTER) ? home.resolve("deploy") : home.resolve("bundle");
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
        Files.copy(home.resolve("examples/org.backendregistry.examples.flash-attn-jvm.jar"),
                home.resolve("deploy/org.backendregistry.examples.flash-attn-jvm.jar"));
        Files.write(home.resolve("etc/org.apache.aries.rsa.discovery.zookeeper.cfg"), List.of(
                "zookeeper.host = 127.0.0.1", "zookeeper.port = " + zooKeeperPort, "zookeeper.timeout = 2000"));
        Files.write(home.resolve("etc/org.backendregistry.remote.cfg"), List.of(
                "export.names = " + EXPORT_NAMES, "export.hostname = 127.0.0.1", "export.port = " + exportPort));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", "backend-registry.jar")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("node.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .start();
        // a node must not outlive the test JVM, whichever way the tests end
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill " + home.getFileName()));
        return new ExportingNode(home, process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the exporting bundle: FileInstall uninstalls a bundle whose jar leaves deploy/. */
    void undeployExporter() throws IOException {
        Files.delete(home.resolve("deploy").resolve(EXPORTER));
    }

    /** Puts the exporter back into deploy/, as an operator who undid the deletion would. */
    void redeployExporter() throws IOException {
        deploy(home.resolve("remote").resolve(EXPORTER));
    }

    /**
     * Hot-deploys a bundle: copied beside deploy/ and moved in, so that FileInstall never sees half a jar.
     *
     * @return the jar's name in deploy/
     */
    String deploy(Path jar) throws IOException {
        String name = jar.getFileName().toString();
        Path staged = home.resolve(name + ".part");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, home.resolve("deploy").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    /** Undeploys a bundle: FileInstall uninstalls a bundle whose jar leaves deploy/. */
    void undeploy(String name) throws IOException {
        Files.deleteIfExists(home.resolve("deploy").resolve(name));
    }

    /** @return the node's {@code etc/org.backendregistry.remote.cfg} as it is on disk now */
    Properties exportConfiguration() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("etc/org.backendregistry.remote.cfg"))) {
            properties.load(reader);
        }
        return properties;
    }

    boolean isExporterDeployed() {
        return Files.exists(home.resolve("deploy").resolve(EXPORTER));
    }

    /** Kills the JVM at once, as a crash or {@code kill -9} would: nothing is unexported, nothing says goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** @return the node's output, for a failure message */
    String log() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("node.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
