package org.backendregistry.itests.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features repository under test: distribution/karaf's features.xml exactly as the build filtered it, with
 * each {@code mvn:org.backendregistry/...} location replaced by the {@code file:} URL of the jar (or config file)
 * the reactor has just built. Features, dependencies, start levels and config files stay as shipped; only where
 * Karaf reads our own artifacts from changes, so {@code mvn verify} needs no {@code install} and never picks up a
 * stale snapshot from the local repository. Everything else (SCR, the health check API) Karaf resolves from
 * Maven as a user's Karaf would.
 *
 * <p>Runs in the test JVM, before Karaf starts: failsafe passes the paths as system properties.
 */
final class KarafFeatureRepository {

    /** {@code mvn:org.backendregistry/ARTIFACT/VERSION[/TYPE/CLASSIFIER]} as an element's text (not in comments) */
    private static final Pattern OWN_ARTIFACT =
            Pattern.compile("(?<=>)mvn:org\\.backendregistry/([^/<\\s]+)/[^/<\\s]+(?:/[^/<\\s]+/([^/<\\s]+))?");

    private KarafFeatureRepository() {
    }

    /** @return the {@code file:} URL of the rewritten repository, written to {@code folder} */
    static String forReactorBuild(Path folder) {
        Path shipped = Path.of(required("itest.features"));
        try {
            String features = Files.readString(shipped, StandardCharsets.UTF_8);
            Files.createDirectories(folder);
            Path rewritten = folder.resolve("features.xml");
            Files.writeString(rewritten, withReactorLocations(features), StandardCharsets.UTF_8);
            return rewritten.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + shipped + ": build distribution/karaf first", e);
        }
    }

    static String withReactorLocations(String features) {
        Matcher own = OWN_ARTIFACT.matcher(features);
        StringBuilder out = new StringBuilder();
        while (own.find()) {
            String key = "itest.artifact." + own.group(1) + (own.group(2) == null ? "" : "." + own.group(2));
            Path file = Path.of(required(key));
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " (for " + own.group() + ") does not exist: build its module first");
            }
            own.appendReplacement(out, Matcher.quoteReplacement(file.toUri().toString()));
        }
        own.appendTail(out);
        return out.toString();
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("System property " + key + " is not set: run the Karaf tests with Maven "
                    + "(mvn verify), whose failsafe configuration sets it; a new artifact in features.xml needs one too");
        }
        return value;
    }
}
