package org.backendregistry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@value BackendConstants#BACKEND_NAME} on a DS component:
 * {@code @Component @BackendName("FLASH_ATTN") class MyFlash implements AttentionBackend}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BackendName {

    /** @return the backend name this component serves, e.g. {@code "FLASH_ATTN"} */
    String value();
}
