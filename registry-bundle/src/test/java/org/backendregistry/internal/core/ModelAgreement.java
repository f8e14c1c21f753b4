package org.backendregistry.internal.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.ContractModel.Entry;
import org.backendregistry.internal.core.ContractModel.Expected;

/**
 * Compares what a user of the real core observes with what the {@link ContractModel} expects: who serves
 * each name, whether it is overridden, which exception a lookup throws, which names are known, what the
 * runtime view reports, and that no provider that does not serve holds an object.
 */
final class ModelAgreement {

    private final ModelCheck check;
    private long lastGeneration;

    ModelAgreement(ModelCheck check) {
        this.check = check;
    }

    /**
     * Compares after one operation.
     *
     * @param withRuntimeView whether to compare the runtime view too: building it is half the cost of a
     *                        check, so the caller asks for it on some steps only
     */
    void verify(boolean withRuntimeView) {
        Map<String, Expected> expected = new HashMap<>();
        List<? extends BackendId<?>> names = check.core.lookups().names(AttentionBackendId.FAMILY);
        for (String name : ModelCheck.CHECKED_NAMES) {
            expected.put(name, check.model.expect(name));
            verifyLookups(name, expected.get(name), names);
        }
        verifyUseCounts(expected);
        if (withRuntimeView) {
            verifyRuntimeView(expected);
        }
        long generation = check.core.generation();
        require(generation >= lastGeneration, () -> "the generation went back from " + lastGeneration + " to " + generation);
        lastGeneration = generation;
    }

    private void verifyLookups(String name, Expected expected, List<? extends BackendId<?>> names) {
        BackendId<?> id = ModelCheck.id(name);
        Served served = check.core.lookups().served(id);
        Entry server = expected.server();
        if (server == null) {
            require(served == null, () -> name + " should be served by nothing, but " + describe(served) + " serves");
            Class<? extends RuntimeException> type = expected.known() ? IllegalStateException.class
                    : IllegalArgumentException.class;
            try {
                check.core.lookups().require(id);
                require(false, () -> "require(" + name + ") should throw " + type.getSimpleName());
            } catch (IllegalStateException | IllegalArgumentException e) {
                require(type.isInstance(e), () -> "require(" + name + ") threw " + e + ", expected " + type.getSimpleName());
            }
        } else {
            require(served != null && served.object() == server.object, () -> name + " should be served by " + server
                    + ", but " + describe(served) + " serves");
            require(check.core.lookups().require(id) == served, () -> "require(" + name + ") differs from served(" + name + ")");
            require(served.className().equals(server.className()), () -> name + ": path is " + served.className());
            require(served.isOverridden() == !server.isDefault, () -> name + ": isOverridden is " + served.isOverridden());
        }
        require(check.core.lookups().isKnown(id) == expected.known(), () -> name + ": isKnown should be " + expected.known());
        require(names.contains(id) == expected.known(),
                () -> name + ": names() should " + (expected.known() ? "" : "not ") + "list it");
        if (expected.known()) {
            // an unknown name's lookup builds the same message as require's above, with suggestions: costly
            require(check.core.lookups().lookup(AttentionBackendId.FAMILY, name).equals(id), () -> name + ": lookup finds "
                    + "another id");
        }
    }

    /** The registry holds the object of the serving service only, once; every other service's is given back. */
    private void verifyUseCounts(Map<String, Expected> expected) {
        for (Map.Entry<FakeService, Entry> tracked : check.everTracked.entrySet()) {
            Entry entry = tracked.getValue();
            boolean serving = check.model.services.contains(entry) && check.model.providedName(entry)
                    .map(name -> expected.containsKey(name) && expected.get(name).server() == entry).orElse(false);
            int inUse = tracked.getKey().inUse();
            require(inUse == (serving ? 1 : 0), () -> entry + " holds " + inUse + " objects, expected " + (serving ? 1 : 0));
        }
    }

    private void verifyRuntimeView(Map<String, Expected> expected) {
        for (NameDTO dto : new RuntimeView(check.core).snapshot().names) {
            if (!dto.family.equals(AttentionBackendId.FAMILY.displayName()) || !expected.containsKey(dto.name)) {
                continue;
            }
            Entry server = expected.get(dto.name).server();
            require(server == null ? dto.serving == null : dto.serving != null && dto.serving.id == server.id
                    && dto.serving.origin.equals(server.registration ? "REGISTRATION" : "SERVICE"),
                    () -> dto.name + ": the runtime view names the wrong server " + dto.serving);
            require((server == null) == (dto.problem != null), () -> dto.name + ": problem " + dto.problem);
            for (NotServingDTO loser : dto.notServing) {
                verifyReason(dto.name, loser);
            }
        }
    }

    /** The two reasons that follow from the operator's decisions alone, whatever was tried. */
    private void verifyReason(String name, NotServingDTO loser) {
        if (loser.provider.origin.equals("REGISTRATION")) {
            return;
        }
        Entry entry = check.model.services.stream().filter(e -> e.id == loser.provider.id).findFirst().orElse(null);
        require(entry != null, () -> name + ": the runtime view lists a service that is gone: " + loser.provider);
        if (entry.setAsideFrom != null) {
            require(loser.reason == NotServingReason.SET_ASIDE, () -> name + ": " + entry + " is reported " + loser.reason);
        } else if (!entry.isDefault && !check.model.trusts(entry.owner)) {
            require(loser.reason == NotServingReason.DENIED_BY_POLICY, () -> name + ": " + entry + " is reported "
                    + loser.reason);
        }
    }

    /** The expectation is built only when it fails: building it every time would cost more than the check. */
    private void require(boolean condition, Supplier<String> expectation) {
        if (!condition) {
            throw new AssertionError(expectation.get() + "\n" + check.history());
        }
    }

    private static String describe(Served served) {
        return served == null ? "nothing" : served.description().toString();
    }
}
