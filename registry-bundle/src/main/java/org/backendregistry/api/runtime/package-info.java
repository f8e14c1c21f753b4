/**
 * The registry's runtime view for operators and tools: {@link org.backendregistry.api.runtime.BackendRegistryRuntime}
 * and the DTOs it returns — who serves each name, why every other provider does not, which services
 * are not providers at all and why, and what is wrong with the configuration.
 */
@Export
@Version("1.2.0")
package org.backendregistry.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
