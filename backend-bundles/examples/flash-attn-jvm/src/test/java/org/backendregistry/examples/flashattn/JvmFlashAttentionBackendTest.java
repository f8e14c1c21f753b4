package org.backendregistry.examples.flashattn;

import org.backendregistry.testsupport.NaiveAttention;
import org.backendregistry.testsupport.AttentionProblems;
import org.backendregistry.testsupport.JvmAttentionContract;
import org.backendregistry.testsupport.ComponentDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.junit.jupiter.api.Test;

class JvmFlashAttentionBackendTest extends JvmAttentionContract {

    @Override
    protected AttentionBackend backend() {
        return new JvmFlashAttentionBackend();
    }

    @Test
    void servesFlashAttnAsAnOverrideRatherThanADefault() throws Exception {
        ComponentDescription component = ComponentDescription.of(JvmFlashAttentionBackend.class).orElseThrow();
        assertEquals(AttentionBackend.class.getName(), component.provides());
        assertEquals("FLASH_ATTN", component.value("backend.name").orElseThrow());
        assertTrue(component.value("backend.default").isEmpty());
        assertEquals("FLASH_ATTN", backend().name());
    }

    @Test
    void declaresThatItComputesOnTheCpu() {
        assertEquals(Platform.CPU, backend().capabilities().platform());
    }

    @Test
    void agreesWithTheNaiveLoopWhenKeysFillManyWholeTilesExactly() {
        var problem = AttentionProblems.problem(2 * JvmFlashAttentionBackend.QUERY_TILE,
                4 * JvmFlashAttentionBackend.KEY_TILE, 8, 2, 64, true, 1);
        AttentionProblems.assertClose(NaiveAttention.attend(problem.input()), backend().compute(problem.input()));
    }
}
