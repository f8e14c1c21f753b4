package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class OptionalComponentsTest {

    private final Bundle felixServletApi = bundle("org.apache.felix.http.servlet-api");
    private final Bundle jakartaServletApi = bundle("jakarta.servlet-api");
    private final Bundle javaxServletApi = bundle("javax.servlet-api");

    @Test
    void bothApisFromFelixsServletApiBundleServeWebConsole5WithTheJakartaPage() {
        assertEquals(OptionalComponents.JAKARTA,
                OptionalComponents.servletComponent(felixServletApi, felixServletApi));
    }

    @Test
    void theJakartaApiAloneTurnsOnTheJakartaPage() {
        assertEquals(OptionalComponents.JAKARTA, OptionalComponents.servletComponent(jakartaServletApi, null));
    }

    @Test
    void karafsJavaxStackWithASeparateJakartaApiBundleGetsTheJavaxPage() {
        assertEquals(OptionalComponents.JAVAX,
                OptionalComponents.servletComponent(jakartaServletApi, javaxServletApi));
        assertEquals(OptionalComponents.JAVAX, OptionalComponents.servletComponent(null, javaxServletApi));
    }

    @Test
    void withoutAServletApiNoPageIsTurnedOn() {
        assertNull(OptionalComponents.servletComponent(null, null));
    }

    /** A bundle equal only to itself, as framework bundles are. */
    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(OptionalComponentsTest.class.getClassLoader(),
                new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString", "getSymbolicName" -> symbolicName;
                    default -> throw new AssertionError(method.getName() + " was not expected");
                });
    }
}
