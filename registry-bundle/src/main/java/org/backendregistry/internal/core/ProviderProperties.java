package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.internal.names.NameRules;

/**
 * Reads a service's backend properties: its one name, its ranking and whether it is a default. A
 * service with an unusable name is not a provider; the problem says why, naming the offending value.
 *
 * @param name      the backend name, or {@code null} when {@code problem} is set
 * @param ranking   {@code service.ranking}, 0 when absent or not an Integer
 * @param isDefault {@code backend.default}
 * @param classHint the implementation class as DS names it ({@code component.name}), or {@code null}
 * @param failure   why the service is not a provider, or {@code null}
 * @param value     the offending value, described, or {@code null}
 * @param problem   why the service is not a provider, in words, or {@code null}
 * @param warnings  problems that did not stop the service from being a provider
 */
public record ProviderProperties(String name, int ranking, boolean isDefault, String classHint, FailureReason failure,
        String value, String problem, List<String> warnings) {

    static final String SERVICE_RANKING = "service.ranking";
    static final String COMPONENT_NAME = "component.name";

    /** @return whether the service is a provider */
    public boolean isProvider() {
        return problem == null;
    }

    /** Reads the properties through {@code property} (a service reference's {@code getProperty}). */
    public static ProviderProperties read(Function<String, Object> property) {
        List<String> warnings = new ArrayList<>();
        int ranking = ranking(property.apply(SERVICE_RANKING), warnings);
        Object defaultValue = property.apply(BackendConstants.BACKEND_DEFAULT);
        Optional<Boolean> isDefault = isDefault(defaultValue);
        if (isDefault.isEmpty()) {
            return rejected(FailureReason.INVALID_PROPERTY, defaultValue, BackendConstants.BACKEND_DEFAULT + "="
                    + describe(defaultValue) + " must be a Boolean (true marks a default implementation)", warnings);
        }
        Object nameValue = property.apply(BackendConstants.BACKEND_NAME);
        Object single = single(nameValue);
        if (nameValue != null && single == null) {
            return rejected(FailureReason.INVALID_NAME, nameValue, BackendConstants.BACKEND_NAME + "=" + describe(nameValue)
                    + " names several or no backends: a service serves exactly one name; register one service per name",
                    warnings);
        }
        if (single != null && !(single instanceof String)) {
            return rejected(FailureReason.INVALID_NAME, nameValue, BackendConstants.BACKEND_NAME + "="
                    + describe(nameValue) + " must be a String such as \"FLASH_ATTN\"", warnings);
        }
        String name = (String) single;
        Optional<String> invalid = NameRules.invalidReason(name);
        if (invalid.isPresent()) {
            String reason = name == null ? BackendConstants.BACKEND_NAME + " is missing: set it to the backend name this service serves"
                    : BackendConstants.BACKEND_NAME + ": " + invalid.get();
            return rejected(FailureReason.INVALID_NAME, nameValue, reason, warnings);
        }
        Object componentName = property.apply(COMPONENT_NAME);
        return new ProviderProperties(name, ranking, isDefault.get(),
                componentName instanceof String hint ? hint : null, null, null, null, List.copyOf(warnings));
    }

    private static ProviderProperties rejected(FailureReason failure, Object value, String problem,
            List<String> warnings) {
        return new ProviderProperties(null, 0, false, null, failure, describe(value), problem, List.copyOf(warnings));
    }

    private static int ranking(Object value, List<String> warnings) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer ranking) {
            return ranking;
        }
        warnings.add(SERVICE_RANKING + "=" + describe(value) + " is not an Integer and counts as 0");
        return 0;
    }

    private static Optional<Boolean> isDefault(Object value) {
        if (value == null) {
            return Optional.of(Boolean.FALSE);
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.valueOf(text));
        }
        return Optional.empty();
    }

    /** A one-element array or collection stands for its element. */
    private static Object single(Object value) {
        if (value instanceof Object[] array) {
            return array.length == 1 ? array[0] : null;
        }
        if (value instanceof Collection<?> collection) {
            return collection.size() == 1 ? collection.iterator().next() : null;
        }
        return value;
    }

    static String describe(Object value) {
        if (value == null) {
            return "(missing)";
        }
        String text = value instanceof Object[] array ? Arrays.toString(array) : "'" + value + "'";
        return text + " (" + value.getClass().getSimpleName() + ")";
    }
}
