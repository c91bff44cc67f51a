/** Rate limits per API key and per client address, and request size limits. */
package com.bigbox.server.limits;
