package org.backendregistry.internal.webconsole;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Edits the registry's {@code pins} value ({@code NAME=target} and {@code mamba:NAME=target} entries, given as
 * a String of comma-separated entries, a String[] or a collection) the way {@code backend:pin} does: the entry
 * of one name is replaced or removed, every other entry is kept as written.
 */
final class PinsValue {

    /** The configuration key that holds the pins. */
    static final String KEY = "pins";

    private PinsValue() {
    }

    /** @return the target {@code key} is pinned to in {@code value}, or {@code null} */
    static String target(Object value, String key) {
        String target = null;
        for (String entry : entries(value)) {
            int equals = entry.indexOf('=');
            if (equals >= 0 && key.equals(entry.substring(0, equals).trim())) {
                target = entry.substring(equals + 1).trim();
            }
        }
        return target;
    }

    /** @return the entries of {@code value} without those of {@code key}, then {@code key=target} unless null */
    static String[] with(Object value, String key, String target) {
        List<String> kept = new ArrayList<>();
        for (String entry : entries(value)) {
            int equals = entry.indexOf('=');
            if (!(equals < 0 ? entry : entry.substring(0, equals)).trim().equals(key)) {
                kept.add(entry);
            }
        }
        if (target != null) {
            kept.add(key + "=" + target);
        }
        return kept.toArray(String[]::new);
    }

    private static List<String> entries(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof String[] array) {
            texts.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> texts.add(String.valueOf(item)));
        } else if (value != null) {
            texts.add(String.valueOf(value));
        }
        List<String> entries = new ArrayList<>();
        for (String text : texts) {
            for (String entry : text.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }
}
