package com.bigbox.server;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.json.JavalinJackson;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's HTTP server: one Javalin instance on virtual threads, configured by its modules. */
public final class HttpServer implements AutoCloseable {
    /** Every route the modules registered, in order; a handler reads it with {@code ctx.appData(ROUTES)}. */
    public static final Key<List<HandlerMetaInfo>> ROUTES = new Key<>("bigbox.routes");

    private final Javalin javalin;
    private final List<HandlerMetaInfo> routes;

    private HttpServer(Javalin javalin, List<HandlerMetaInfo> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    /** Starts listening on {@code host}:{@code port} (0: any free port). */
    public static HttpServer start(String host, int port, List<HttpModule> modules) {
        List<HandlerMetaInfo> routes = new CopyOnWriteArrayList<>();
        Javalin javalin = Javalin.create(config -> {
            // First, so that it hears of every route the modules add.
            config.events.handlerAdded(routes::add);
            config.appData(ROUTES, Collections.unmodifiableList(routes));
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            new ApiErrors().configure(config);
            modules.forEach(module -> module.configure(config));
        });
        javalin.start(host, port);
        return new HttpServer(javalin, routes);
    }

    /** The routes served (method and path), as registered. */
    public List<HandlerMetaInfo> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
