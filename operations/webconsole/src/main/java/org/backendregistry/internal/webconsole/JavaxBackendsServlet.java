package org.backendregistry.internal.webconsole;

import java.io.IOException;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.select.BackendSelector;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The Backends page as a javax.servlet plugin of Felix Web Console 4 as Karaf 4.4 ships it (Pax Web 8, Servlet 3.1/4): the console finds it by its label and
 * title, authenticates each request, and frames the page's GET with its navigation. Enabled by
 * {@link OptionalComponents} when this servlet API is wired.
 */
@Component(enabled = false, service = Servlet.class, property = {
        "felix.webconsole.label=" + BackendsRequests.LABEL,
        "felix.webconsole.title=Backends",
        "felix.webconsole.category=OSGi" })
public class JavaxBackendsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BackendsRequests requests;

    // typed ComponentServiceObjects so that this class never names a cm type and loads without ConfigAdmin
    @Reference(service = ConfigurationAdmin.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private transient volatile ComponentServiceObjects<?> configurationAdmin;

    // the selector bundle is optional: without it the page says how to get it instead of the Selection form
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile BackendSelector selector;

    @Activate
    public JavaxBackendsServlet(@Reference(name = "registry") BackendRegistry registry,
            @Reference(name = "runtime") BackendRegistryRuntime runtime,
            @Reference(name = "runtimeReference", service = BackendRegistryRuntime.class)
            ServiceReference<BackendRegistryRuntime> runtimeReference) {
        this.requests = new BackendsRequests(registry, runtime, runtimeReference, () -> configurationAdmin,
                () -> selector);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, requests.get(request.getRequestURI(), request.getParameter("name"),
                request.getParameter("since"), appRoot(request), request::getParameter));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter(ActionForm.TOKEN);
        send(response, requests.post(token != null ? token : request.getHeader(ActionForm.TOKEN_HEADER),
                request.getHeader("Origin"), request.getHeader("Host"), request.getParameter("action"),
                request.getParameter("name"), request.getParameter("target"), appRoot(request)));
    }

    private static void send(HttpServletResponse response, Reply reply) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (reply.isError()) {
            response.sendError(reply.status(), reply.body());
        } else if (reply.location() != null) {
            response.setStatus(reply.status());
            response.setHeader("Location", reply.location());
        } else {
            response.setStatus(reply.status());
            if (reply.contentType() != null) {
                response.setContentType(reply.contentType());
                response.setCharacterEncoding("UTF-8");
            }
            if (reply.body() != null) {
                response.getWriter().write(reply.body());
            }
        }
    }

    private static String appRoot(HttpServletRequest request) {
        Object root = request.getAttribute(BackendsRequests.APP_ROOT);
        return root instanceof String text ? text : request.getContextPath() + request.getServletPath();
    }
}
