package org.backendregistry.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for backend names ({@value BackendConstants#NAME_PATTERN}, no normalisation) and the hints the
 * registry gives when a name is wrong.
 */
public final class BackendNames {

    private static final Pattern VALID = Pattern.compile(BackendConstants.NAME_PATTERN);
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private BackendNames() {
    }

    /** @return whether {@code name} is a valid backend name as given (no trimming, no case folding) */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * The valid spelling a user most likely meant: {@code " flash-attn "} becomes {@code "FLASH_ATTN"}.
     *
     * @return the normalised spelling, or empty when even that is not a valid name
     */
    public static Optional<String> validSpelling(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String spelled = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').replace('.', '_');
        return isValid(spelled) ? Optional.of(spelled) : Optional.empty();
    }

    /**
     * Explains why {@code name} is not a valid backend name.
     *
     * @return the reason, or empty when the name is valid
     */
    public static Optional<String> invalidReason(String name) {
        if (name == null) {
            return Optional.of("no backend name was given");
        }
        if (name.isEmpty()) {
            return Optional.of("the backend name is empty");
        }
        if (isValid(name)) {
            return Optional.empty();
        }
        String hint = validSpelling(name).map(s -> "; did you mean '" + s + "'?").orElse("");
        return Optional.of("'" + name + "' is not a valid backend name: names match " + BackendConstants.NAME_PATTERN
                + " (upper-case letters, digits, underscores)" + hint);
    }

    /**
     * The known name closest to a wrong one: same name once normalised, else within a small edit
     * distance when exactly one name is that close.
     *
     * @return the suggestion, or empty when nothing is close enough
     */
    public static Optional<String> closestMatch(String name, Collection<String> known) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<String> spelled = validSpelling(name).filter(known::contains);
        if (spelled.isPresent()) {
            return spelled;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        boolean tie = false;
        for (String candidate : known) {
            int distance = editDistance(upper, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(best);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
