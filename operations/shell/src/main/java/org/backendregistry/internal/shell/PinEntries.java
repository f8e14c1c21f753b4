package org.backendregistry.internal.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Edits the registry's {@code pins} configuration value: entries {@code NAME=target} or
 * {@code mamba:NAME=target}, given as one String (entries separated by commas), a String[] or a
 * collection. Entries for other names are kept as they are.
 */
final class PinEntries {

    /** The configuration key that holds the pins. */
    static final String KEY = "pins";

    private PinEntries() {
    }

    /** @return the entries of a {@code pins} value, trimmed, empty ones dropped */
    static List<String> parse(Object value) {
        List<String> entries = new ArrayList<>();
        if (value instanceof String text) {
            split(text, entries);
        } else if (value instanceof String[] texts) {
            for (String text : texts) {
                split(text, entries);
            }
        } else if (value instanceof Collection<?> texts) {
            for (Object text : texts) {
                split(String.valueOf(text), entries);
            }
        } else if (value != null) {
            split(String.valueOf(value), entries);
        }
        return entries;
    }

    /** @return the target {@code name} is pinned to in {@code value}, or {@code null} */
    static String target(Object value, String name) {
        String target = null;
        for (String entry : parse(value)) {
            int equals = entry.indexOf('=');
            if (equals >= 0 && name.equals(entry.substring(0, equals).trim())) {
                target = entry.substring(equals + 1).trim();
            }
        }
        return target;
    }

    /**
     * @param name   {@code NAME} or {@code mamba:NAME}
     * @param target the new target, or {@code null} to remove the pin
     * @return the entries of {@code value} without any for {@code name}, plus {@code name=target}
     */
    static String[] with(Object value, String name, String target) {
        List<String> entries = new ArrayList<>();
        for (String entry : parse(value)) {
            int equals = entry.indexOf('=');
            String entryName = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            if (!entryName.equals(name)) {
                entries.add(entry);
            }
        }
        if (target != null) {
            entries.add(name + "=" + target);
        }
        return entries.toArray(String[]::new);
    }

    private static void split(String text, List<String> entries) {
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
    }
}
