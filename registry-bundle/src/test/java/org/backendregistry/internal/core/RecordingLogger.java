package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A logger that keeps every formatted message, so tests can assert what operators would read. */
class RecordingLogger implements Logger {

    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        messages.add(message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        messages.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
    }

    long count(String fragment) {
        return messages.stream().filter(m -> m.contains(fragment)).count();
    }
}
