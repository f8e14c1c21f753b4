package org.backendregistry.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what a component logs through {@code System.Logger}, which java.util.logging backs in this
 * framework, by attaching a handler to the logger of that name while the capture is open.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
    }

    /** Starts capturing the records of {@code loggerName} and its children. */
    static LogCapture attach(String loggerName) {
        LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
        capture.logger.setLevel(Level.ALL);
        capture.logger.addHandler(capture);
        return capture;
    }

    /** @return the formatted text (and the thrown exceptions) of every WARNING or worse so far */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        StringBuilder text = new StringBuilder(formatter.formatMessage(record));
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            text.append(" | ").append(thrown);
        }
        warnings.add(text.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
