package org.backendregistry.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.aries.rsa.provider.tcp.TCPServer;
import org.apache.aries.rsa.provider.tcp.TcpInvocationHandler;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceException;

/**
 * A backend called through Aries RSA 1.14's tcp transport, the server and the client proxy that Remote
 * Service Admin puts on either side, without the frameworks around them (the two-framework test in
 * itests covers those).
 */
class TcpTransportTest {

    private static final String LOOPBACK = "127.0.0.1";

    private final int port = freeLoopbackPort();
    private final TCPServer server = new TCPServer(new Problems.Jvm(), LOOPBACK, port, 2);
    private final AttentionBackend proxy = tcpProxy(LOOPBACK, port);

    @AfterEach
    void closeServer() throws IOException {
        server.close();
    }

    @Test
    void computeThroughTheTransportEqualsTheReferenceWithin1e5() {
        AttentionInput input = Problems.typical(7);

        float[] expected = ReferenceAttention.compute(input);
        float[] actual = proxy.compute(input);

        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f, "element " + i);
        }
    }

    @Test
    void capabilitiesCrossTheTransport() {
        assertEquals(new Problems.Jvm().capabilities(), proxy.capabilities());
    }

    @Test
    void onceTheServerIsGoneACallFailsFastNamingTheEndpoint() throws IOException {
        server.close();

        long start = System.nanoTime();
        ServiceException error = assertThrows(ServiceException.class, () -> proxy.compute(Problems.typical(7)));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(error.getMessage().contains(LOOPBACK + ":" + port), error.getMessage());
        assertEquals(ServiceException.REMOTE, error.getType());
        assertTrue(millis < 2_000, "the failed call took " + millis + " ms");
    }

    /** The proxy Aries' tcp provider gives an importing framework, with a 5 s call timeout. */
    private static AttentionBackend tcpProxy(String host, int port) {
        try {
            return (AttentionBackend) Proxy.newProxyInstance(TcpTransportTest.class.getClassLoader(),
                    new Class<?>[] { AttentionBackend.class },
                    new TcpInvocationHandler(TcpTransportTest.class.getClassLoader(), host, port, 5_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + LOOPBACK, e);
        }
    }
}
