package org.backendregistry.internal.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

import org.backendregistry.api.BackendId;
import org.osgi.framework.Bundle;

/**
 * Turns the class named in a {@code register} call into an instance, failing fast with a message that
 * says what is wrong and what to do.
 */
final class RegisteredClass {

    private RegisteredClass() {
    }

    /** Loads {@code className} through {@code caller} and instantiates it. */
    static Object load(BackendId<?> id, String className, Bundle caller) {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("Cannot register " + id.name() + ": no class name was given");
        }
        Class<?> type;
        try {
            type = caller.loadClass(className);
        } catch (ClassNotFoundException | IllegalStateException e) {
            throw new IllegalArgumentException("Cannot register " + id.name() + ": class " + className
                    + " was not found by bundle " + caller.getSymbolicName() + " [" + caller.getBundleId()
                    + "]. Check the name, and that the bundle contains the class or imports its package.", e);
        }
        return instantiate(id, type);
    }

    /** Checks that {@code type} is of the id's family and instantiates it. */
    static Object instantiate(BackendId<?> id, Class<?> type) {
        Class<?> family = id.family().serviceType();
        String prefix = "Cannot register " + id.name() + ": class " + (type == null ? "null" : type.getName());
        if (type == null || !family.isAssignableFrom(type)) {
            throw new IllegalArgumentException(prefix + " is not a " + family.getSimpleName() + " (" + family.getName()
                    + "). A " + id.family().displayName() + " backend must implement that interface"
                    + " (and import its package from the registry bundle).");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(prefix + " is abstract: register a concrete class");
        }
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(prefix + " has no public no-argument constructor: add one, or register"
                    + " the backend as a service", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(prefix + " could not be created: its constructor threw "
                    + e.getCause(), e.getCause());
        } catch (InstantiationException e) {
            throw new IllegalArgumentException(prefix + " could not be created: " + e, e);
        }
    }
}
