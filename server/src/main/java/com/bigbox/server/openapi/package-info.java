/** OpenAPI documents: PostgREST's of {@code /rest/v1} built from the catalog, and the engine API's. */
package com.bigbox.server.openapi;
