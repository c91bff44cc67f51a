package com.bigbox.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;

/** The engine's HTTP server: one Javalin instance on virtual threads, configured by its modules. */
public final class HttpServer implements AutoCloseable {
    private final Javalin javalin;

    private HttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts listening on {@code host}:{@code port} (0: any free port). */
    public static HttpServer start(String host, int port, List<HttpModule> modules) {
        Javalin javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            new ApiErrors().configure(config);
            modules.forEach(module -> module.configure(config));
        });
        javalin.start(host, port);
        return new HttpServer(javalin);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
