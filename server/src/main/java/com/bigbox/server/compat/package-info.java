/**
 * The original engine's {@code /api/...} paths, as a compatibility layer over the same services and
 * data ({@code /api/auth/*} belongs to the access layer).
 */
package com.bigbox.server.compat;
