package org.backendregistry.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * ReferenceAttention against a two-token problem worked out by hand: one head, head size 2, scale 1,
 *
 * <pre>
 * q0 = [0, 0]   k0 = [0,    0]   v0 = [4, 0]
 * q1 = [1, 0]   k1 = [ln 3, 0]   v1 = [0, 8]
 *
 * token 0: scores (q0·k0, q0·k1) = (0, 0)    → weights (1/2, 1/2) → out0 = [2, 4]
 * token 1: scores (q1·k0, q1·k1) = (0, ln 3) → exp (1, 3), weights (1/4, 3/4) → out1 = [1, 6]
 * causal:  token 0 sees key 0 only → out0 = v0 = [4, 0]; token 1 sees both → out1 = [1, 6]
 * </pre>
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReferenceAttentionTest {

    private static final float LN3 = (float) Math.log(3);
    private static final float[] QUERY = {0, 0, 1, 0};
    private static final float[] KEY = {0, 0, LN3, 0};
    private static final float[] VALUE = {4, 0, 0, 8};
    // float ln 3 is off by one rounding, which moves the weights by about 1e-7
    private static final float DELTA = 1e-6f;

    @Test
    void withoutAMaskEachTokenMixesTheValuesByTheSoftmaxOfItsScores() {
        AttentionInput input = new AttentionInput(QUERY, KEY, VALUE, 2, 2, 1, 1, 2, false, 1f);

        assertArrayEquals(new float[] {2, 4, 1, 6}, ReferenceAttention.compute(input), DELTA);
    }

    @Test
    void withTheCausalMaskTheFirstTokenSeesOnlyItself() {
        AttentionInput input = new AttentionInput(QUERY, KEY, VALUE, 2, 2, 1, 1, 2, true, 1f);

        assertArrayEquals(new float[] {4, 0, 1, 6}, ReferenceAttention.compute(input), DELTA);
    }

    @Test
    void withTheCausalMaskASingleQueryIsTheLastTokenAndSeesEveryKey() {
        AttentionInput input = new AttentionInput(new float[] {1, 0}, KEY, VALUE, 1, 2, 1, 1, 2, true, 1f);

        assertArrayEquals(new float[] {1, 6}, ReferenceAttention.compute(input), DELTA);
    }
}
