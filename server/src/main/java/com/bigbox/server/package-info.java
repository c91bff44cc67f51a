/**
 * The HTTP server: Javalin wired with the engine's JSON, error shape and request transactions; each
 * feature package contributes an {@link com.bigbox.server.HttpModule}.
 */
package com.bigbox.server;
