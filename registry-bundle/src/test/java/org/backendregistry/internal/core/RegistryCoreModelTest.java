package org.backendregistry.internal.core;

import java.util.List;

import org.backendregistry.internal.core.ModelCheck.Step;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of provider, registration and configuration changes, after each of which the real
 * core must agree with the {@link ContractModel}. The number of sequences is {@code jqwik.tries.default}
 * in {@code junit-platform.properties} (10,000).
 *
 * <p>A failure prints the operations up to the disagreement, the shrunk sequence and its {@code seed};
 * jqwik reruns that seed first on the next run, and {@code @Property(seed = "...")} pins it for good.
 */
class RegistryCoreModelTest {

    @Property
    void theCoreAgreesWithTheContractAfterEveryOperation(@ForAll("sequences") List<Step> steps) {
        ModelCheck check = new ModelCheck();
        ModelAgreement agreement = new ModelAgreement(check);
        for (int i = 0; i < steps.size(); i++) {
            check.apply(steps.get(i));
            agreement.verify(i % 4 == 3 || i == steps.size() - 1);
        }
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 839);
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, Step.KINDS - 1), choice, choice,
                choice).as(Step::new);
        return step.list().ofMinSize(20).ofMaxSize(50);
    }
}
