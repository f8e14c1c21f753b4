package org.backendregistry.internal.healthcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class SelectorHealthTest {

    @Test
    void anExplicitBackendThatDoesNotFitTheDefaultRequestIsAWarning() {
        String problem = "attention.backend=FLASH_ATTN does not fit default.request AttentionSelectorConfig(head_size=72, "
                + "...): Selected backend FLASH_ATTN is not valid for this configuration. Reason: ['head_size not supported']";

        assertEquals(List.of(new Finding(Result.Status.WARN, "Selector configuration org.backendregistry.selector: "
                + problem)), SelectorHealth.assess(List.of(problem)));
        assertEquals(Result.Status.WARN, RegistryHealth.status(SelectorHealth.assess(List.of(problem))));
    }

    @Test
    void aSelectorWithoutProblemsAddsNothing() {
        assertEquals(List.of(), SelectorHealth.assess(List.of()));
    }
}
