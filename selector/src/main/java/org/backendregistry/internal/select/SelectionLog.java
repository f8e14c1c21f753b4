package org.backendregistry.internal.select;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.backendregistry.api.Platform;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.Selection;

/**
 * Logs each distinct answer once, in the words of vLLM's platform that answers it: {@code platforms/cuda.py}
 * ({@code Using FLASH_ATTN attention backend out of potential backends: ['FLASH_ATTN', 'TRITON_ATTN'].}, after
 * the warning that a requested block size kept higher-priority backends out) for every platform but ROCm, whose
 * {@code platforms/rocm.py} words its lines differently. Checked against vLLM's {@code cuda.py} as of v0.27.1 and
 * {@code rocm.py} at commit 001eda31e3d0.
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
        boolean rocm = selection.device().platform() == Platform.ROCM;
        if (selection.explicit()) {
            sink.accept(Level.INFO, rocm ? "Using " + selection.name() + " backend (selected via --attention-backend)."
                    : "Using AttentionBackendEnum." + selection.name() + " backend.");
            return;
        }
        String valid = quoted(selection.candidates().stream().filter(Candidate::valid).map(Candidate::name).toList());
        if (rocm) {
            List<String> rejected = selection.candidates().stream().filter(c -> !c.valid()).map(Candidate::name).toList();
            sink.accept(Level.INFO, rejected.isEmpty()
                    ? "Using " + selection.name() + " backend out of potential backends: " + valid + "."
                    : "Found incompatible backend(s) [" + String.join(", ", rejected) + "] with "
                            + selection.config().attnType() + ". Overriding with " + selection.name()
                            + " out of potential backends: " + valid + ".");
            return;
        }
        warnIfTheBlockSizePrecluded(selection);
        sink.accept(Level.INFO, "Using " + selection.name() + " attention backend out of potential backends: " + valid
                + ".");
    }

    /** vLLM's warning when the requested block size alone rejected backends ahead of the chosen one. */
    private void warnIfTheBlockSizePrecluded(Selection selection) {
        Integer blockSize = selection.config().blockSize();
        List<String> precluded = selection.candidates().stream().takeWhile(candidate -> !candidate.chosen())
                .filter(candidate -> candidate.reasons().equals(List.of("block_size not supported")))
                .map(Candidate::name).toList();
        if (blockSize != null && !precluded.isEmpty()) {
            sink.accept(Level.WARNING, "--block-size " + blockSize + " precluded higher-priority backend(s) "
                    + String.join(", ", precluded) + ". Using " + selection.name() + " instead, which may result in "
                    + "reduced performance. Consider removing --block-size to auto-select the optimal block size.");
        }
    }

    /** @return Python's print of a list of strings: {@code ['A', 'B']} */
    static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
