package org.backendregistry.examples.custom;

import org.backendregistry.testsupport.JvmAttentionContract;
import org.backendregistry.testsupport.ComponentDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.attention.AttentionBackend;
import org.junit.jupiter.api.Test;

class CustomAttentionBackendTest extends JvmAttentionContract {

    @Override
    protected AttentionBackend backend() {
        return new CustomAttentionBackend();
    }

    @Test
    void isAComponentServingCustomThatIsNotADefault() throws Exception {
        ComponentDescription component = ComponentDescription.of(CustomAttentionBackend.class).orElseThrow();
        assertEquals(AttentionBackend.class.getName(), component.provides());
        assertEquals("CUSTOM", component.value("backend.name").orElseThrow());
        assertTrue(component.value("backend.default").isEmpty());
    }

    @Test
    void canBeCreatedFromItsClassNameAlone() throws Exception {
        Object backend = Class.forName("org.backendregistry.examples.custom.CustomAttentionBackend")
                .getConstructor().newInstance();
        assertEquals("CUSTOM", ((AttentionBackend) backend).name());
    }
}
