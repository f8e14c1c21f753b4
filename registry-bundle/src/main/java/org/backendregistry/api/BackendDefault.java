package org.backendregistry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marker component property type that sets {@value BackendConstants#BACKEND_DEFAULT}{@code =true}:
 * the component is the default implementation of its name, which every override shadows.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BackendDefault {
}
