package org.backendregistry.itests;

import static org.junit.Assert.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@code backend:} commands, called as Gogo would, on the service with {@code osgi.command.scope=backend}
 * that offers {@code list} (the shell registers a second one for selection).
 */
public final class BackendShell implements AutoCloseable {

    private final ServiceTracker<Object, Object> tracker;
    private final Object commands;

    public BackendShell(BundleContext context, long timeoutMs) throws InvalidSyntaxException, InterruptedException {
        tracker = new ServiceTracker<>(context, context.createFilter("(&(osgi.command.scope=backend)(osgi.command.function=list))"), null);
        tracker.open();
        commands = tracker.waitForService(timeoutMs);
        assertNotNull("no service with osgi.command.scope=backend", commands);
    }

    /** @return what {@code backend:function arguments...} printed, also echoed to the test output */
    public String run(String function, String... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        Arrays.fill(types, String.class);
        try {
            Method method = commands.getClass().getMethod(function, types);
            // the commands print to the session's output, which outside a shell is System.out; only what this thread
            // prints is the command's: the framework logs events on threads of its own meanwhile
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream console = System.out;
            System.setOut(new PrintStream(new ThisThreadOnly(printed, console), true, StandardCharsets.UTF_8));
            try {
                method.invoke(commands, (Object[]) arguments);
            } finally {
                System.setOut(console);
            }
            String output = printed.toString(StandardCharsets.UTF_8).stripTrailing();
            System.out.println("g! backend:" + function + " " + String.join(" ", arguments) + "\n" + output);
            return output;
        } catch (InvocationTargetException threw) {
            throw new AssertionError("backend:" + function + " threw instead of answering", threw.getCause());
        } catch (ReflectiveOperationException notACommand) {
            throw new AssertionError("backend:" + function + " with " + arguments.length + " arguments", notACommand);
        }
    }

    /** Takes what the creating thread writes; what other threads write goes on to the console. */
    private static final class ThisThreadOnly extends OutputStream {

        private final Thread owner = Thread.currentThread();
        private final OutputStream mine;
        private final OutputStream others;

        ThisThreadOnly(OutputStream mine, OutputStream others) {
            this.mine = mine;
            this.others = others;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target().write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }

        private OutputStream target() {
            return Thread.currentThread() == owner ? mine : others;
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
