package org.backendregistry.benchmarks;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.aries.rsa.provider.tcp.TCPServer;
import org.apache.aries.rsa.provider.tcp.TcpInvocationHandler;
import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code compute} in process against the same call through Aries RSA 1.14's tcp transport on the
 * loopback interface: the server and the client proxy Remote Service Admin puts on either side of an
 * imported service (the frameworks around them add no work per call). Java serialization of the
 * input and output, a new connection per call (the 1.14 transport's design) and the compute itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RemoteCallBenchmark {

    /**
     * {@code decode}: 1 query token against 512 keys, 32 heads over 8 kv heads, head size 128 (one
     * decode step of an 8B-class model's layer); {@code prefill}: 64 tokens, 8 heads over 2, 64 wide.
     */
    @Param({"decode", "prefill"})
    public String problem;

    private AttentionInput input;
    private AttentionBackend local;
    private AttentionBackend remote;
    private TCPServer server;

    /** What serves FLASH_ATTN on the exporting side: the JVM reference kernel. Public, as the transport needs. */
    public static final class JvmBackend implements AttentionBackend {
        @Override
        public String name() {
            return "FLASH_ATTN";
        }

        @Override
        public BackendCapabilities capabilities() {
            return BackendCapabilities.builder(Platform.CPU).dtypes("float32").build();
        }

        @Override
        public float[] compute(AttentionInput attentionInput) {
            return ReferenceAttention.compute(attentionInput);
        }
    }

    @Setup
    public void setUp() throws IOException {
        input = problem.equals("decode") ? problem(1, 512, 32, 8, 128) : problem(64, 64, 8, 2, 64);
        local = new JvmBackend();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server = new TCPServer(local, "127.0.0.1", port, 2);
        remote = (AttentionBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { AttentionBackend.class },
                new TcpInvocationHandler(getClass().getClassLoader(), "127.0.0.1", port, 30_000));
        float[] expected = local.compute(input);
        float[] actual = remote.compute(input);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > 1e-5f) {
                throw new IllegalStateException("element " + i + " differs through the transport");
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        server.close();
    }

    @Benchmark
    public float[] inProcess() {
        return local.compute(input);
    }

    @Benchmark
    public float[] throughTcpProxy() {
        return remote.compute(input);
    }

    private static AttentionInput problem(int queryTokens, int keyTokens, int heads, int kvHeads, int headSize) {
        Random random = new Random(3);
        float[] query = new float[queryTokens * heads * headSize];
        float[] key = new float[keyTokens * kvHeads * headSize];
        float[] value = new float[keyTokens * kvHeads * headSize];
        for (float[] array : new float[][] { query, key, value }) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (float) random.nextGaussian();
            }
        }
        return new AttentionInput(query, key, value, queryTokens, keyTokens, heads, kvHeads, headSize, true,
                (float) (1.0 / Math.sqrt(headSize)));
    }
}
