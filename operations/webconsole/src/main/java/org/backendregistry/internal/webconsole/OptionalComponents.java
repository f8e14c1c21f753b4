package org.backendregistry.internal.webconsole;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Turns on the components whose API this bundle is wired to. The bundle imports the Servlet APIs and the
 * inventory API optionally, so that one bundle serves Felix Web Console 5 (jakarta.servlet) and Karaf 4.4's Web
 * Console (javax.servlet); a component whose API is missing would only fail to load, so it stays off instead.
 * Where both Servlet APIs are wired (Felix's servlet-api bundle exports both) only the jakarta one is turned on:
 * Web Console 5 would otherwise see the page twice.
 */
@Component(immediate = true, service = {})
public class OptionalComponents {

    // names, not class literals: loading the component classes is what must not happen when the API is missing
    static final String JAKARTA = "org.backendregistry.internal.webconsole.JakartaBackendsServlet";
    static final String JAVAX = "org.backendregistry.internal.webconsole.JavaxBackendsServlet";
    static final String INVENTORY = "org.backendregistry.internal.webconsole.BackendsInventoryPrinter";

    @Activate
    public OptionalComponents(ComponentContext context) {
        if (isWired("jakarta.servlet.http.HttpServlet")) {
            context.enableComponent(JAKARTA);
        } else if (isWired("javax.servlet.http.HttpServlet")) {
            context.enableComponent(JAVAX);
        }
        if (isWired("org.apache.felix.inventory.InventoryPrinter")) {
            context.enableComponent(INVENTORY);
        }
    }

    private static boolean isWired(String className) {
        try {
            Class.forName(className, false, OptionalComponents.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError notWired) {
            return false;
        }
    }
}
