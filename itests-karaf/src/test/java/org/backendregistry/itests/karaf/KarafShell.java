package org.backendregistry.itests.karaf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs Karaf shell commands the way a user at the console does: as a user logged in to Karaf's {@code karaf}
 * JAAS realm (etc/users.properties), so that the command ACLs in etc/ apply to them.
 */
final class KarafShell {

    private static final String REALM = "karaf";

    private final SessionFactory sessionFactory;

    KarafShell(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Logs in to the {@code karaf} realm, as the SSH server and the web console do. */
    static Subject login(String user, String password) throws LoginException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // the realm's proxy login module is on Karaf's boot class path: LoginContext then finds it
        Thread.currentThread().setContextClassLoader(null);
        try {
            LoginContext login = new LoginContext(REALM, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            return login.getSubject();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Runs {@code command} in a new session as {@code user}.
     *
     * @return what the command printed, followed by the value it returned (as the console prints it)
     * @throws Exception what the command threw, e.g. Karaf's refusal when the ACL denies the user
     */
    String execute(Subject user, String command) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = Subject.doAs(user, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                out.println(result);
            }
            out.flush();
            return printed.toString(StandardCharsets.UTF_8);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
