package org.backendregistry.internal.webconsole;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Turns on the components whose API this bundle is wired to. The bundle imports the Servlet APIs and the
 * inventory API optionally, so that one bundle serves Felix Web Console 5 (jakarta.servlet) and Karaf 4.4's Web
 * Console (javax.servlet); a component whose API is missing would only fail to load, so it stays off instead.
 * Only one of the two servlets is turned on, as a console that takes both would show the page twice:
 * <ul>
 * <li>jakarta where both APIs come from one bundle (Felix's servlet-api bundle, beside Felix HTTP Jetty 5 and Web
 * Console 5) or jakarta alone is wired;</li>
 * <li>javax where javax alone is wired, or where the two come from different bundles: that is Karaf 4.4, whose
 * HTTP stack and Web Console are javax, with the Jakarta API bundle that Felix Health Checks core 2.3.0 brings
 * along.</li>
 * </ul>
 */
@Component(immediate = true, service = {})
public class OptionalComponents {

    // names, not class literals: loading the component classes is what must not happen when the API is missing
    static final String JAKARTA = "org.backendregistry.internal.webconsole.JakartaBackendsServlet";
    static final String JAVAX = "org.backendregistry.internal.webconsole.JavaxBackendsServlet";
    static final String INVENTORY = "org.backendregistry.internal.webconsole.BackendsInventoryPrinter";

    @Activate
    public OptionalComponents(ComponentContext context) {
        BundleWiring wiring = context.getBundleContext().getBundle().adapt(BundleWiring.class);
        String servlet = servletComponent(exporter(wiring, "jakarta.servlet.http"),
                exporter(wiring, "javax.servlet.http"));
        if (servlet != null) {
            context.enableComponent(servlet);
        }
        if (exporter(wiring, "org.apache.felix.inventory") != null) {
            context.enableComponent(INVENTORY);
        }
    }

    /**
     * @param jakarta the bundle this one takes jakarta.servlet.http from, or {@code null}
     * @param javax   the bundle this one takes javax.servlet.http from, or {@code null}
     * @return the name of the servlet component to turn on, or {@code null} for none
     */
    static String servletComponent(Bundle jakarta, Bundle javax) {
        if (jakarta != null && (javax == null || javax.equals(jakarta))) {
            return JAKARTA;
        }
        return javax != null ? JAVAX : null;
    }

    private static Bundle exporter(BundleWiring wiring, String packageName) {
        if (wiring == null) {
            return null;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (packageName.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return wire.getProviderWiring().getBundle();
            }
        }
        return null;
    }
}
