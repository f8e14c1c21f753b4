package org.backendregistry.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;

/**
 * The registry's exported API packages with the versions its jar's manifest declares, so that the
 * system bundle exports them from the class path at exactly those versions, whatever they are now.
 */
final class ExportedApi {

    private static final List<String> PACKAGES = List.of("org.backendregistry.api", "org.backendregistry.api.runtime",
            "org.backendregistry.attention", "org.backendregistry.mamba");

    private ExportedApi() {
    }

    /** @return the packages as {@code Export-Package} clauses, e.g. {@code org.backendregistry.api;version=2.1.0,...} */
    static String clauses() {
        String exported = exportPackageHeader();
        List<String> clauses = new ArrayList<>();
        for (String clause : splitOutsideQuotes(exported)) {
            String name = clause.split(";", 2)[0].trim();
            if (PACKAGES.contains(name)) {
                clauses.add(name + ";version=" + version(clause));
            }
        }
        if (clauses.size() != PACKAGES.size()) {
            throw new IllegalStateException("The registry jar exports " + clauses + ", expected " + PACKAGES);
        }
        return String.join(",", clauses);
    }

    /** Reads the registry bundle the benchmark installs: the jar under {@code bundles/} on the class path. */
    private static String exportPackageHeader() {
        String resource = "/bundles/" + EmbeddedFelix.REGISTRY + ".jar";
        try (InputStream bytes = ExportedApi.class.getResourceAsStream(resource)) {
            if (bytes == null) {
                throw new IllegalStateException(resource + " is not on the class path; build with "
                        + "'mvn -B -f benchmarks/pom.xml package' after installing the bundles");
            }
            try (JarInputStream jar = new JarInputStream(bytes)) {
                return jar.getManifest().getMainAttributes().getValue("Export-Package");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(String clause) {
        int at = clause.indexOf("version=");
        if (at < 0) {
            return "0.0.0";
        }
        String rest = clause.substring(at + "version=".length());
        return rest.startsWith("\"") ? rest.substring(1, rest.indexOf('"', 1)) : rest.split(";")[0];
    }

    /** Manifest clauses are comma-separated, but {@code uses:="a,b"} holds commas inside quotes. */
    private static List<String> splitOutsideQuotes(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
