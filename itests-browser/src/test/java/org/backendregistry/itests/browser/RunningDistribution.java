package org.backendregistry.itests.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The assembled embedded Felix, copied into a folder of its own with the Web Console turned on (a free loopback
 * port, a password of the test's own) and started as an operator starts it: {@code java -jar backend-registry.jar}.
 */
final class RunningDistribution implements AutoCloseable {

    static final String USER = "operator";
    static final String PASSWORD = "browser-test-password";
    static final String FLASH_ATTN_JVM = "org.backendregistry.examples.flash-attn-jvm.jar";
    static final String SELECTOR_CFG = "org.backendregistry.selector.cfg";

    private final Path home;
    private final int port;
    private final Process process;

    private RunningDistribution(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /** Copies, configures and starts the distribution, and returns once the console answers with the page. */
    static RunningDistribution start(String name) throws IOException {
        return start(name, null);
    }

    /**
     * @param selectorConfiguration the lines of {@code etc/org.backendregistry.selector.cfg} (FileInstall makes them
     *                              the selector's configuration as the framework starts), or {@code null} for none
     */
    static RunningDistribution start(String name, String selectorConfiguration) throws IOException {
        Path source = Path.of(System.getProperty("browser.distribution"));
        Path home = Path.of(System.getProperty("browser.work")).resolve(name);
        delete(home);
        Files.createDirectories(home.getParent());
        copy(source, home);
        int port = freePort();
        Files.writeString(home.resolve("etc/config.properties"), String.join("\n", "",
                "backendregistry.webconsole=true",
                "org.osgi.service.http.port=" + port,
                "felix.webconsole.username=" + USER,
                "felix.webconsole.password=" + PASSWORD, ""), StandardOpenOption.APPEND);
        if (selectorConfiguration != null) {
            Files.writeString(home.resolve("etc").resolve(SELECTOR_CFG), selectorConfiguration);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", "backend-registry.jar")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        RunningDistribution distribution = new RunningDistribution(home, port, process);
        ConsoleHttp http = new ConsoleHttp(distribution.baseUrl());
        await("the Backends page of " + home).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> http.get("/system/console/backends.json", true).statusCode() == 200);
        return distribution;
    }

    /** @return {@code http://127.0.0.1:PORT} */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path home() {
        return home;
    }

    /** Hot-deploys an example as an operator should: copied beside deploy/, then moved in whole. */
    void deployExample(String jar) throws IOException {
        Path staged = home.resolve(jar + ".staged");
        Files.copy(home.resolve("examples").resolve(jar), staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, home.resolve("deploy").resolve(jar), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Replaces {@code etc/org.backendregistry.selector.cfg} as an operator should: written beside etc/, then moved in
     * whole, so that FileInstall never reads half a file.
     */
    void configureSelector(String lines) throws IOException {
        Path staged = home.resolve(SELECTOR_CFG + ".staged");
        Files.writeString(staged, lines);
        Files.move(staged, home.resolve("etc").resolve(SELECTOR_CFG), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    void undeploy(String jar) throws IOException {
        Files.delete(home.resolve("deploy").resolve(jar));
    }

    /** @return the settings of the registry's configuration file as FileInstall keeps it, without its comments */
    String registryConfiguration() throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("etc/org.backendregistry.cfg"))) {
            return lines.filter(line -> !line.trim().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // the launcher's shutdown hook stops the framework
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                try {
                    Files.copy(path, target.resolve(source.relativize(path).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
