package org.backendregistry.backends.cpu;

import org.backendregistry.testsupport.AttentionProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.backendregistry.attention.AttentionInput;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NoAttentionBackendTest {

    @Test
    void returnsZerosShapedLikeTheQueryWhateverTheKeysAndValues() {
        AttentionInput input = AttentionProblems.problem(5, 37, 8, 2, 128, true, 1).input();

        float[] output = new NoAttentionBackend().compute(input);

        assertArrayEquals(new float[5 * 8 * 128], output);
    }
}
