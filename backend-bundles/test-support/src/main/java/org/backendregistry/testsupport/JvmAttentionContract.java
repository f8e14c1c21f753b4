package org.backendregistry.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.backendregistry.testsupport.AttentionProblems.Problem;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every backend that computes on the JVM must do: agree with the plain formula, and respect the mask. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class JvmAttentionContract {

    protected abstract AttentionBackend backend();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.backendregistry.testsupport.AttentionProblems#all")
    public void agreesWithANaiveLoopWithinTheTolerance(Problem problem) {
        AttentionProblems.assertClose(NaiveAttention.attend(problem.input()), backend().compute(problem.input()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.backendregistry.testsupport.AttentionProblems#all")
    public void agreesWithReferenceAttentionWithinTheTolerance(Problem problem) {
        AttentionProblems.assertClose(ReferenceAttention.compute(problem.input()),
                backend().compute(problem.input()));
    }

    @Test
    public void aCausalQueryIsUnaffectedByKeysAndValuesAfterItsPosition() {
        AttentionInput input = AttentionProblems.problem(9, 40, 8, 2, 64, true, 1).input();
        // query token 4 is at position 4 + (40 - 9) = 35; scramble keys and values 36..39
        float[] key = input.key().clone();
        float[] value = input.value().clone();
        int from = 36 * input.kvHeads() * input.headSize();
        Arrays.fill(key, from, key.length, 7f);
        Arrays.fill(value, from, value.length, -7f);
        AttentionInput scrambled = new AttentionInput(input.query(), key, value, input.queryTokens(),
                input.keyTokens(), input.heads(), input.kvHeads(), input.headSize(), true, input.scale());

        int rowsUpToToken4 = 5 * input.heads() * input.headSize();
        assertArrayEquals(Arrays.copyOf(backend().compute(input), rowsUpToToken4),
                Arrays.copyOf(backend().compute(scrambled), rowsUpToToken4));
    }

    @Test
    public void theOutputHasTheShapeOfTheQuery() {
        AttentionInput input = AttentionProblems.problem(3, 11, 8, 2, 64, false, 1).input();
        assertEquals(input.query().length, backend().compute(input).length);
    }
}
