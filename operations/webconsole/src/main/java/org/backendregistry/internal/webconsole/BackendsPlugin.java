package org.backendregistry.internal.webconsole;

import java.io.IOException;
import java.security.SecureRandom;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Backends page of the Felix Web Console 5 ({@code /system/console/backends}), its live part
 * ({@code backends.part?since=N}, 204 while the change count is N) and its JSON
 * ({@code backends.json[?since=N]}). The console authenticates every request before it reaches this servlet and
 * frames the page's GET with its navigation; the actions are POSTs guarded by {@link RequestGuard}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + BackendsPlugin.LABEL,
        "felix.webconsole.title=Backends",
        "felix.webconsole.category=OSGi" })
public class BackendsPlugin extends HttpServlet {

    static final String LABEL = "backends";
    private static final long serialVersionUID = 1L;
    private static final String APP_ROOT = "felix.webconsole.appRoot";

    private final transient BackendRegistryRuntime runtime;
    private final transient ServiceReference<BackendRegistryRuntime> runtimeReference;
    private final transient Actions actions;
    private final transient RequestGuard guard = new RequestGuard(new SecureRandom());

    // typed ComponentServiceObjects so that this class never names a cm type and loads without ConfigAdmin
    @Reference(service = ConfigurationAdmin.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private transient volatile ComponentServiceObjects<?> configurationAdmin;

    @Activate
    public BackendsPlugin(@Reference(name = "registry") BackendRegistry registry,
            @Reference(name = "runtime") BackendRegistryRuntime runtime,
            @Reference(name = "runtimeReference", service = BackendRegistryRuntime.class)
            ServiceReference<BackendRegistryRuntime> runtimeReference) {
        this.runtime = runtime;
        this.runtimeReference = runtimeReference;
        this.actions = new Actions(registry);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long changeCount = changeCount(); // before the DTO: a change in between shows at the next poll
        long since = since(request);
        RegistryRuntimeDTO dto = runtime.getRuntimeDTO();
        String uri = request.getRequestURI();
        noCache(response);
        if (uri.endsWith(".json")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(since == changeCount ? RuntimeJson.unchanged(dto.generation, changeCount)
                    : RuntimeJson.of(dto, changeCount));
        } else if (uri.endsWith(".part")) {
            if (since == changeCount) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(PageHtml.render(dto, changeCount, appRoot(request), guard.token(),
                    request.getParameter("name")));
        } else {
            response.getWriter().write(PageHtml.render(dto, changeCount, appRoot(request), guard.token(),
                    request.getParameter("name")) + PageHtml.script());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter(ActionForm.TOKEN);
        String refusal = guard.refusal(token != null ? token : request.getHeader("X-Backends-Token"),
                request.getHeader("Origin"), request.getHeader("Host"));
        if (refusal != null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, refusal);
            return;
        }
        ComponentServiceObjects<?> admin = configurationAdmin;
        Object service = admin == null ? null : admin.getService();
        try {
            String key = actions.perform(request.getParameter("action"), request.getParameter("name"),
                    request.getParameter("target"), service);
            // back to the name's detail view: a reload repeats no action
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", appRoot(request) + "/" + LABEL + "?name=" + Html.query(key));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
        } finally {
            if (service != null) {
                release(admin, service);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void release(ComponentServiceObjects<S> objects, Object service) {
        objects.ungetService((S) service);
    }

    private long changeCount() {
        Object count = runtimeReference.getProperty(Constants.SERVICE_CHANGECOUNT);
        return count instanceof Number number ? number.longValue() : 0L;
    }

    private static long since(HttpServletRequest request) {
        String since = request.getParameter("since");
        try {
            return since == null ? -1 : Long.parseLong(since);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static String appRoot(HttpServletRequest request) {
        Object root = request.getAttribute(APP_ROOT);
        return root instanceof String text ? text : request.getContextPath() + request.getServletPath();
    }

    private static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
