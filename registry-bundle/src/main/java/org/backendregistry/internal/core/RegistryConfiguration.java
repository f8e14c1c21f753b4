package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.internal.names.NameRules;

/**
 * The operator's configuration (PID {@code org.backendregistry}), read leniently: a value that cannot be
 * used is reported in {@link #problems()} and left out, and the rest applies.
 *
 * @param pins                per family index, name to pin target (bundle symbolic name or class name)
 * @param pinFallback         whether a name whose pin matches no provider falls back to the usual order
 * @param catalogClosed       whether names outside the catalog are rejected
 * @param trustedBundles      symbolic-name patterns allowed to override; empty means every bundle
 * @param deprecationWarnings whether deprecated names log a warning
 * @param drainTimeoutMillis  how long the departure of a provider waits for the leases open on it
 * @param remotePolicy        how imported providers rank against local ones of the same kind
 * @param problems            what could not be used, in words
 */
public record RegistryConfiguration(List<Map<String, String>> pins, boolean pinFallback, boolean catalogClosed,
        List<Pattern> trustedBundles, boolean deprecationWarnings, long drainTimeoutMillis, RemotePolicy remotePolicy,
        List<String> problems) {

    public static final String PINS = "pins";
    public static final String PIN_FALLBACK = "pin.fallback";
    public static final String CATALOG_CLOSED = "catalog.closed";
    public static final String TRUSTED_BUNDLES = "trusted.bundles";
    public static final String DEPRECATION_WARNINGS = "deprecation.warnings";
    public static final String DRAIN_TIMEOUT = "drain.timeout";
    /** Long enough for any single backend call we know of, short enough that a stuck call is noticed. */
    public static final long DEFAULT_DRAIN_TIMEOUT_MILLIS = 5_000;
    public static final String REMOTE_POLICY = "remote.policy";

    /** The configuration when there is none: open catalog, every bundle trusted, no pins. */
    public static RegistryConfiguration defaults(List<? extends BackendFamily<?>> families) {
        return read(Map.of(), families);
    }

    /** Reads the configuration's properties; unknown keys (service.pid and the like) are ignored. */
    public static RegistryConfiguration read(Map<String, ?> properties, List<? extends BackendFamily<?>> families) {
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> pins = new ArrayList<>();
        families.forEach(family -> pins.add(new HashMap<>()));
        for (String entry : strings(properties.get(PINS))) {
            readPin(entry, families, pins, problems);
        }
        List<Pattern> trusted = new ArrayList<>();
        for (String pattern : strings(properties.get(TRUSTED_BUNDLES))) {
            if (pattern.matches("[A-Za-z0-9_.*-]+")) {
                trusted.add(Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")));
            } else {
                problems.add(TRUSTED_BUNDLES + ": '" + pattern + "' is not a symbolic-name pattern (letters, digits, "
                        + "'.', '-', '_' and '*' as a wildcard); it is ignored");
            }
        }
        return new RegistryConfiguration(pins.stream().map(Map::copyOf).toList(),
                flag(properties, PIN_FALLBACK, false, problems), flag(properties, CATALOG_CLOSED, false, problems),
                List.copyOf(trusted), flag(properties, DEPRECATION_WARNINGS, true, problems),
                millis(properties, DRAIN_TIMEOUT, DEFAULT_DRAIN_TIMEOUT_MILLIS, problems),
                remotePolicy(properties.get(REMOTE_POLICY), problems), List.copyOf(problems));
    }

    /** @return whether {@code symbolicName} may provide overrides */
    public boolean trusts(String symbolicName) {
        if (trustedBundles.isEmpty()) {
            return true;
        }
        for (Pattern pattern : trustedBundles) {
            if (symbolicName != null && pattern.matcher(symbolicName).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @return the pin target of {@code name} in the family with {@code familyIndex}, or {@code null} */
    public String pin(int familyIndex, String name) {
        return pins.get(familyIndex).get(name);
    }

    private static void readPin(String entry, List<? extends BackendFamily<?>> families, List<Map<String, String>> pins,
            List<String> problems) {
        int equals = entry.indexOf('=');
        if (equals <= 0 || equals == entry.length() - 1) {
            problems.add(PINS + ": '" + entry + "' is not NAME=target (target: a bundle symbolic name or a class name); "
                    + "it is ignored");
            return;
        }
        String key = entry.substring(0, equals).trim();
        String target = entry.substring(equals + 1).trim();
        BackendFamily<?> family = families.get(0);
        int colon = key.indexOf(':');
        if (colon >= 0) {
            String prefix = key.substring(0, colon).toLowerCase(Locale.ROOT);
            Optional<? extends BackendFamily<?>> named = families.stream()
                    .filter(f -> f.displayName().startsWith(prefix)).findFirst();
            if (named.isEmpty()) {
                problems.add(PINS + ": '" + entry + "' names no family '" + prefix + "'; use NAME=target for attention "
                        + "or mamba:NAME=target; it is ignored");
                return;
            }
            family = named.get();
            key = key.substring(colon + 1);
        }
        Optional<String> invalid = NameRules.invalidReason(key);
        if (invalid.isPresent()) {
            problems.add(PINS + ": '" + entry + "': " + invalid.get() + "; it is ignored");
            return;
        }
        pins.get(family.index()).put(key, target);
    }

    private static RemotePolicy remotePolicy(Object value, List<String> problems) {
        if (value == null || value.toString().isBlank()) {
            return RemotePolicy.PREFER_LOCAL;
        }
        RemotePolicy policy = RemotePolicy.parse(value.toString());
        if (policy == null) {
            problems.add(REMOTE_POLICY + ": '" + value + "' is not prefer-local, prefer-remote or local-only; "
                    + "prefer-local applies");
            return RemotePolicy.PREFER_LOCAL;
        }
        return policy;
    }

    private static boolean flag(Map<String, ?> properties, String key, boolean absent, List<String> problems) {
        Object value = properties.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(key + ": '" + value + "' is not true or false; " + absent + " applies");
        return absent;
    }

    private static long millis(Map<String, ?> properties, String key, long absent, List<String> problems) {
        Object value = properties.get(key);
        if (value == null) {
            return absent;
        }
        try {
            long millis = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(key + ": '" + value + "' is not a number of milliseconds (0 or more); " + absent + " applies");
        return absent;
    }

    /** A String (comma-separated), String[] or Collection, as ConfigAdmin, .cfg files and Metatype give them. */
    private static List<String> strings(Object value) {
        List<String> raw = new ArrayList<>();
        if (value instanceof Object[] array) {
            Arrays.stream(array).map(String::valueOf).forEach(raw::add);
        } else if (value instanceof Collection<?> collection) {
            collection.stream().map(String::valueOf).forEach(raw::add);
        } else if (value != null) {
            raw.add(value.toString());
        }
        List<String> entries = new ArrayList<>();
        for (String item : raw) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
        }
        return entries;
    }
}
