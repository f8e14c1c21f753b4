package org.backendregistry.itests.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.ProviderDTO;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The importing framework's side of the test: Aries RSA's ZooKeeper server and discovery configured on
 * the loopback interface, the registry's {@code remote.policy}, and what an operator can observe.
 */
final class RemoteSetup {

    /** As the distribution's launcher exports them from its class path. */
    static final String CLASS_PATH_PACKAGES = "javax.xml.bind;version=2.3.3,javax.xml.bind.annotation;version=2.3.3,"
            + "javax.xml.bind.annotation.adapters;version=2.3.3,javax.xml.bind.attachment;version=2.3.3,"
            + "javax.xml.bind.helpers;version=2.3.3,javax.xml.bind.util;version=2.3.3,javax.activation;version=1.2.2,"
            + "org.apache.zookeeper;version=3.9.5,org.apache.zookeeper.data;version=3.9.5,"
            + "org.apache.zookeeper.server;version=3.9.5,org.apache.zookeeper.server.quorum;version=3.9.5";

    private static final String ZOOKEEPER_SERVER = "org.apache.aries.rsa.discovery.zookeeper.server";
    private static final String ZOOKEEPER_DISCOVERY = "org.apache.aries.rsa.discovery.zookeeper";
    private static int zooKeeperPort;

    private final BundleContext context;

    RemoteSetup(BundleContext context) {
        this.context = context;
    }

    int zooKeeperPort() {
        if (zooKeeperPort == 0) {
            zooKeeperPort = freeLoopbackPort();
        }
        return zooKeeperPort;
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the ZooKeeper server in this framework, on the loopback interface with 250 ms ticks, so that a
     * 2 s session timeout is allowed, and points this framework's discovery at it. Aries reads every value
     * as a String.
     */
    void startZooKeeperAndDiscovery() throws IOException {
        Configuration server = configurationAdmin().getConfiguration(ZOOKEEPER_SERVER, "?");
        if (server.getProperties() == null) {
            Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "zookeeper-");
            server.update(strings("clientPort", String.valueOf(zooKeeperPort()), "clientPortAddress", "127.0.0.1",
                    "tickTime", "250", "dataDir", data.toString(), "admin.enableServer", "false"));
        }
        Configuration discovery = configurationAdmin().getConfiguration(ZOOKEEPER_DISCOVERY, "?");
        if (discovery.getProperties() == null) {
            discovery.update(strings("zookeeper.host", "127.0.0.1", "zookeeper.port", String.valueOf(zooKeeperPort()),
                    "zookeeper.timeout", "2000"));
        }
    }

    /** Sets {@code remote.policy} in the registry's configuration {@code org.backendregistry}. */
    void policy(String policy) throws IOException {
        configurationAdmin().getConfiguration(BackendRegistryRuntime.PID, "?").update(strings("remote.policy", policy));
    }

    NameDTO name(String name) {
        BackendRegistryRuntime runtime = context.getService(context.getServiceReference(BackendRegistryRuntime.class));
        return Arrays.stream(runtime.getRuntimeDTO().names).filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }

    /** @return the imported provider of the name, serving or not, or {@code null} when there is none */
    ProviderDTO imported(NameDTO name) {
        if (name.serving != null && name.serving.imported) {
            return name.serving;
        }
        return Arrays.stream(name.notServing).map(n -> n.provider).filter(p -> p.imported).findFirst().orElse(null);
    }

    /** @return the threads running code of Aries' tcp transport in this JVM */
    List<Thread> transportThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.apache.aries.rsa.provider.tcp")))
                .map(e -> e.getKey()).toList();
    }

    /**
     * @return the established TCP connections of this machine to the endpoint's port, from
     *         {@code /proc/net/tcp}; 0 where there is no such file
     */
    long connectionsTo(String endpointId) throws IOException {
        String port = String.format(Locale.ROOT, "%04X", Integer.parseInt(endpointId.substring(endpointId.lastIndexOf(':') + 1)));
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    // columns: sl local_address rem_address st ...; st 01 is ESTABLISHED
                    count += lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                            .filter(c -> c[2].endsWith(":" + port) && c[3].equals("01")).count();
                }
            }
        }
        return count;
    }

    /**
     * @return the local addresses of the sockets listening on the endpoint's port, from
     *         {@code /proc/net/tcp} and {@code /proc/net/tcp6} as hex ({@code 00000000} is 0.0.0.0,
     *         {@code 0100007F} is 127.0.0.1); empty where there are no such files
     */
    List<String> listeningAddresses(String endpointId) throws IOException {
        String port = String.format(Locale.ROOT, "%04X", Integer.parseInt(endpointId.substring(endpointId.lastIndexOf(':') + 1)));
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    // columns: sl local_address rem_address st ...; st 0A is LISTEN
                    lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                            .filter(c -> c[1].endsWith(":" + port) && c[3].equals("0A"))
                            .forEach(c -> addresses.add(c[1].substring(0, c[1].indexOf(':'))));
                }
            }
        }
        return addresses;
    }

    private ConfigurationAdmin configurationAdmin() {
        return context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }

    private static Dictionary<String, Object> strings(String... keysAndValues) {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
