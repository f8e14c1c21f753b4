package org.backendregistry.internal.core;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the registry bundle logs through {@code System.getLogger("org.backendregistry")} (JUL in tests), as
 * operators would read it, with whether a lock of interest was held at the time.
 */
final class RegistryLogCapture extends Handler implements AutoCloseable {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<Boolean> lockHeld = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("org.backendregistry");
    private final BooleanSupplier holdsLock;

    RegistryLogCapture(BooleanSupplier holdsLock) {
        this.holdsLock = holdsLock;
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        lockHeld.add(holdsLock.getAsBoolean());
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
