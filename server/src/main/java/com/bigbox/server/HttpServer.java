package com.bigbox.server;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The engine's HTTP server: one Javalin instance on virtual threads, configured by its modules. */
public final class HttpServer implements AutoCloseable {
    /** The served routes, for a handler that documents them: {@code ctx.appData(ROUTES).get()}. */
    public static final Key<Supplier<List<Route>>> ROUTES = new Key<>("bigbox.routes");

    private final Javalin javalin;

    private HttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts listening on {@code host}:{@code port} (0: any free port). */
    public static HttpServer start(String host, int port, List<HttpModule> modules) {
        var server = new AtomicReference<HttpServer>();
        Javalin javalin = Javalin.create(config -> {
            config.appData(ROUTES, () -> server.get().routes());
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            new ApiErrors().configure(config);
            modules.forEach(module -> module.configure(config));
        });
        javalin.start(host, port);
        server.set(new HttpServer(javalin));
        return server.get();
    }

    /** A registered route: its method ({@code WS} for a socket), path pattern and access rule. */
    public record Route(String method, String path, Set<RouteRole> roles) {}

    /** Every registered route and socket, read from the router (what {@code RouteRoleMatrixIT} checks). */
    public List<Route> routes() {
        var router = javalin.unsafe.internalRouter;
        return Stream.concat(
                        router.allHttpHandlers().stream()
                                .map(p -> p.endpoint)
                                .filter(e -> e.method.isHttpMethod())
                                .map(e -> new Route(
                                        e.method.name(), e.path, roles(e.metadata(io.javalin.security.Roles.class)))),
                        router.allWsHandlers().stream()
                                .map(w -> new Route("WS", w.getPath(), Set.copyOf(w.getRoles()))))
                .toList();
    }

    private static Set<RouteRole> roles(io.javalin.security.Roles roles) {
        return roles == null ? Set.of() : Set.copyOf(roles.getRoles());
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
