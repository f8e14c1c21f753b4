package org.backendregistry.examples.flashattn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.backendregistry.testsupport.AttentionProblems;
import org.backendregistry.testsupport.NaiveAttention;
import org.junit.jupiter.api.Test;

class JvmFlashAttentionConfigurationTest {

    @Test
    void tileSizesComeFromTheConfigurationAndAnUpdateAppliesInPlace() {
        JvmFlashAttentionBackend backend = new JvmFlashAttentionBackend();
        assertEquals("FLASH_ATTN (query tile 16, key tile 32)", backend.toString());

        backend.configure(Map.of("query.tile", 4, "key.tile", "8"));
        assertEquals("FLASH_ATTN (query tile 4, key tile 8)", backend.toString());
        var problem = AttentionProblems.problem(13, 29, 4, 2, 32, true, 3);
        AttentionProblems.assertClose(NaiveAttention.attend(problem.input()), backend.compute(problem.input()));

        backend.configure(Map.of());
        assertEquals("FLASH_ATTN (query tile 16, key tile 32)", backend.toString());
    }

    @Test
    void aFactoryProviderTakesItsNameAndTilesFromItsConfigurationAndNothingFromAnEarlierOne() {
        JvmFlashAttentionProvider first = new JvmFlashAttentionProvider(Map.of("backend.name", "JVM_FLASH_TINY",
                "query.tile", 2));
        assertEquals("JVM_FLASH_TINY (query tile 2, key tile 32)", first.toString());
        assertEquals("JVM_FLASH_TINY", first.name());

        JvmFlashAttentionProvider again = new JvmFlashAttentionProvider(Map.of("backend.name", "JVM_FLASH_TINY"));
        assertEquals("JVM_FLASH_TINY (query tile 16, key tile 32)", again.toString());
    }
}
