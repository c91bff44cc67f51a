package com.bigbox.server;

import io.javalin.config.JavalinConfig;

/** A feature's routes (and anything else it needs from the server's configuration). */
@FunctionalInterface
public interface HttpModule {
    void configure(JavalinConfig config);
}
