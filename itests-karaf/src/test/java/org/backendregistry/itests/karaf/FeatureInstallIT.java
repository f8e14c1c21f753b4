package org.backendregistry.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * A fresh Karaf and the two commands a user types: {@code feature:repo-add} and
 * {@code feature:install backend-registry backend-registry-defaults}.
 *
 * <p>This class names no registry type in its fields or signatures: the probe loads it before the features exist.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureInstallIT extends KarafTestSupport {

    private static final String REGISTRY = "org.backendregistry.api.BackendRegistry";
    private static final String FAMILIES = "(|(objectClass=org.backendregistry.attention.AttentionBackend)"
            + "(objectClass=org.backendregistry.mamba.MambaBackend))";

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() {
        return karaf();
    }

    @Test
    public void repoAddAndFeatureInstallOnAFreshKarafGiveEveryCatalogNameItsDefault() throws Exception {
        // the order services appear in: the registry (start level 80) must be tracking before any backend (85)
        List<String> registered = new CopyOnWriteArrayList<>();
        ServiceListener recorder = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                String[] types = (String[]) event.getServiceReference().getProperty(Constants.OBJECTCLASS);
                registered.add(Arrays.asList(types).contains(REGISTRY) ? "registry" : "backend");
            }
        };
        context.addServiceListener(recorder, "(|(objectClass=" + REGISTRY + ")" + FAMILIES + ")");
        KarafShell shell = new KarafShell(sessionFactory);
        Subject operator = KarafShell.login(OPERATOR, OPERATOR);
        try {
            shell.execute(operator, "feature:repo-add " + System.getProperty(FEATURES_REPOSITORY));
            shell.execute(operator, "feature:install backend-registry backend-registry-defaults");
        } finally {
            context.removeServiceListener(recorder);
        }

        Registries.awaitEveryDefaultServing(Registries.registry(context));
        String installed = shell.execute(operator, "feature:list -i");
        assertTrue(installed, installed.lines().anyMatch(l -> l.startsWith("backend-registry ")));
        assertTrue(installed, installed.lines().anyMatch(l -> l.startsWith("backend-registry-defaults ")));
        assertTrue("no backend service registered", registered.contains("backend"));
        assertEquals("the first of our services to appear, in " + registered, "registry", registered.get(0));
    }
}
