package org.backendregistry.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;

import org.backendregistry.api.BackendId;
import org.backendregistry.attention.AttentionBackendId;

/** Checks shared by the default backend bundles: their catalog entries, classes and component descriptions. */
public final class DefaultBackends {

    private DefaultBackends() {
    }

    /** @return the attention catalog ids whose default class lives in {@code packageName} */
    public static Stream<AttentionBackendId> attentionIdsIn(String packageName) {
        return Stream.of(AttentionBackendId.values()).filter(id -> id.defaultClassName()
                .filter(name -> name.startsWith(packageName + ".")).isPresent());
    }

    /** @return a new instance of the id's default class, made the way DS makes it */
    @SuppressWarnings("unchecked")
    public static <B> B instantiate(BackendId<B> id) throws ReflectiveOperationException {
        return (B) Class.forName(id.defaultClassName().orElseThrow()).getDeclaredConstructor().newInstance();
    }

    /**
     * Asserts that bnd described {@code implementation} as a component providing {@code service} with
     * {@code backend.name=<id>} (a String) and {@code backend.default=true} (a Boolean).
     */
    public static void assertDefaultComponent(BackendId<?> id, Class<?> implementation, Class<?> service)
            throws IOException {
        ComponentDescription component = ComponentDescription.of(implementation).orElseThrow();
        assertEquals(service.getName(), component.provides());
        assertEquals(id.name(), component.value("backend.name").orElseThrow());
        assertEquals("String", component.type("backend.name").orElseThrow());
        assertEquals("true", component.value("backend.default").orElseThrow());
        assertEquals("Boolean", component.type("backend.default").orElseThrow());
    }
}
