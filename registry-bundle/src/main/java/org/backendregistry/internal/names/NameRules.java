package org.backendregistry.internal.names;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.backendregistry.api.BackendConstants;

/** Whether a backend name is valid ({@value BackendConstants#NAME_PATTERN}, no normalisation) and, if not, why. */
public final class NameRules {

    private static final Pattern VALID = Pattern.compile(BackendConstants.NAME_PATTERN);

    private NameRules() {
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
}
