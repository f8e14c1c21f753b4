package org.backendregistry.itests.karaf;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots a stock Apache Karaf 4.4 (the distribution from Maven Central) with the features repository under test,
 * and holds what the tests share: the features, the users they log in as, the bound on every wait.
 *
 * <p>Nothing here names the registry's API: a test class that installs the features itself must load before that
 * API exists in Karaf ({@link Registries} holds what needs it).
 */
public abstract class KarafTestSupport {

    /** The system property that tells the probe the URL of the features repository under test. */
    protected static final String FEATURES_REPOSITORY = "itest.features.repository";

    /** The features a user installs. */
    protected static final String[] FEATURES = {
        "backend-registry", "backend-registry-defaults", "backend-registry-shell", "backend-registry-healthcheck" };

    /** A user with every role of Karaf's admingroup. */
    protected static final String OPERATOR = "operator";
    /** A user who may look but not change: only the viewer role. */
    protected static final String READER = "reader";

    /** How long a test waits for Karaf to act (FileInstall polls deploy/ every second) before it fails. */
    protected static final long TIMEOUT_MS = 60_000;

    /**
     * A bounded wait for state that Karaf changes on threads of its own (FileInstall's poll of deploy/, the features
     * deployer, ConfigAdmin): the condition is checked at once and then every 20 ms on the test's thread, a
     * RuntimeException counting as "not yet", until it holds or {@code timeoutMs} have passed (then it throws).
     */
    protected static ConditionFactory waitingAtMost(long timeoutMs) {
        return Awaitility.await().atMost(Duration.ofMillis(timeoutMs)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .ignoreExceptionsInstanceOf(RuntimeException.class);
    }

    /**
     * A stock Karaf, its network endpoints bound to loopback or off, two users (operator, reader), and the URL of
     * the features repository under test in the system property {@link #FEATURES_REPOSITORY}.
     *
     * @param bootFeatures installed as Karaf starts (the repository then goes into featuresRepositories and they
     *                     into featuresBoot); none leaves feature:repo-add and feature:install to the test
     */
    protected static Option[] karaf(String... bootFeatures) {
        Path target = Path.of(System.getProperty("itest.karaf.unpack")).getParent();
        String repository = KarafFeatureRepository.forReactorBuild(target.resolve("karaf-features"));
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf").versionAsInProject().type("tar.gz"))
                        .unpackDirectory(new File(System.getProperty("itest.karaf.unpack")))
                        .useDeployFolder(false),
                java17Options(),
                // no local console reading the build's stdin, no SSH server
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerHost", "127.0.0.1"),
                // Maven Central and the build's local repository only (Karaf also lists snapshot repositories)
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("itest.local.repository")),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFilePut("etc/users.properties", OPERATOR, OPERATOR + ",admin,manager,viewer,systembundles"),
                editConfigurationFilePut("etc/users.properties", READER, READER + ",viewer"),
                bootFeatures.length == 0 ? composite() : features(repository, bootFeatures),
                // for the probe's waits: Awaitility and the hamcrest 2 it imports
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
                // the probe runs inside Karaf's JVM: hand it the repository and the jar it drops into deploy/
                systemProperty(FEATURES_REPOSITORY).value(repository),
                systemProperty("itest.jar.flash-attn-jvm").value(System.getProperty("itest.jar.flash-attn-jvm")));
    }

    /** What Karaf's bin/karaf passes to a Java 9+ JVM; Pax Exam starts Karaf's Main without that script. */
    private static Option java17Options() {
        String karaf = System.getProperty("itest.karaf.version");
        return vmOptions(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*");
    }
}
