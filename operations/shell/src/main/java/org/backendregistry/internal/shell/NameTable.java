package org.backendregistry.internal.shell;

import java.util.ArrayList;
import java.util.List;

import org.backendregistry.api.runtime.NameDTO;

/** The {@code backend:list} table: one row per name, columns padded to the widest cell. */
final class NameTable {

    static final List<String> HEADER = List.of("NAME", "SERVED BY", "OVERRIDDEN", "SHADOWED");

    private static final String GAP = "  ";

    private NameTable() {
    }

    /** @return the table of {@code names} in the order given, one line per name after the header */
    static List<String> format(List<NameDTO> names) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (NameDTO name : names) {
            rows.add(List.of(
                    ProviderText.commandName(name),
                    name.serving == null ? "-" : ProviderText.label(name.serving),
                    name.overridden ? "yes" : "no",
                    String.valueOf(name.notServing == null ? 0 : name.notServing.length)));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < widths.length - 1) {
                    line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
