package org.backendregistry.internal.select;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.Selection;

/**
 * Logs each distinct answer once, in vLLM's words ({@code Using FLASH_ATTN attention backend out of potential
 * backends: ['FLASH_ATTN', 'TRITON_ATTN'].}), and warns when the requested block size was all that kept a
 * higher-priority backend out.
 */
final class SelectionLog {

    private static final int MAX_REMEMBERED = 4096;

    private final BiConsumer<Level, String> sink;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** @param sink where lines go, e.g. a {@link System.Logger} */
    SelectionLog(BiConsumer<Level, String> sink) {
        this.sink = sink;
    }

    void chosen(Selection selection) {
        String key = selection.device() + "|" + selection.config() + "|" + selection.name() + "|"
                + selection.provider().id() + "|" + selection.explicit();
        if (logged.size() > MAX_REMEMBERED) {
            logged.clear();
        }
        if (!logged.add(key)) {
            return;
        }
        if (selection.explicit()) {
            sink.accept(Level.INFO, "Using " + selection.name() + " backend.");
            return;
        }
        List<String> valid = selection.candidates().stream().filter(Candidate::valid).map(Candidate::name).toList();
        sink.accept(Level.INFO, "Using " + selection.name() + " attention backend out of potential backends: "
                + quoted(valid) + ".");
        List<String> precluded = selection.candidates().stream().takeWhile(candidate -> !candidate.chosen())
                .filter(candidate -> candidate.reasons().equals(List.of("block_size not supported")))
                .map(Candidate::name).toList();
        if (!precluded.isEmpty()) {
            sink.accept(Level.WARNING, "block_size=" + selection.config().blockSize() + " precluded higher-priority "
                    + "backends " + quoted(precluded) + "; using " + selection.name()
                    + ". Leave the block size open (None) or choose one these backends support to use them.");
        }
    }

    /** @return Python's print of a list of strings: {@code ['A', 'B']} */
    static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
