/**
 * The backend registry's API: the {@link org.backendregistry.api.BackendRegistry} service, backend
 * identities and families, the service property names a backend carries, and the component property
 * types that set them.
 */
@Export
@Version("2.3.0")
package org.backendregistry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
