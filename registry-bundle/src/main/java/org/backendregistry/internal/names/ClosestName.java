package org.backendregistry.internal.names;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name a wrong one most likely meant, for the "did you mean" of error messages. */
final class ClosestName {

    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private ClosestName() {
    }

    /**
     * The known name closest to a wrong one: same name once normalised, else within a small edit
     * distance when exactly one name is that close.
     *
     * @return the suggestion, or empty when nothing is close enough
     */
    static Optional<String> to(String name, Collection<String> known) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<String> spelled = NameRules.validSpelling(name).filter(known::contains);
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
