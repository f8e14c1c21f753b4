package org.backendregistry.api.runtime;

import org.osgi.dto.DTO;

/** One backend name: who serves it and why every other provider does not. */
public class NameDTO extends DTO {

    /** The family's display name, e.g. {@code attention} or {@code mamba attention}. */
    public String family;

    /** The backend name, e.g. {@code FLASH_ATTN}. */
    public String name;

    /** Whether the name is in the family's catalog (rather than a plugin's own name). */
    public boolean catalog;

    /** The catalog's default implementation class, or {@code null} (CUSTOM and plugin names). */
    public String defaultClassName;

    /** The provider that serves the name, or {@code null} when none does. */
    public ProviderDTO serving;

    /** Whether the serving provider is not a default. */
    public boolean overridden;

    /** The configured pin (bundle symbolic name or class name), or {@code null}. */
    public String pin;

    /** Why nothing serves the name, when nothing does; {@code null} otherwise. */
    public String problem;

    /** Every other provider of the name, best first, each with the reason it does not serve. */
    public NotServingDTO[] notServing;
}
