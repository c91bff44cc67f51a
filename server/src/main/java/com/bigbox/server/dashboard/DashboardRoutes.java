package com.bigbox.server.dashboard;

import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves the dashboard at {@code /}: {@code index.html}, its ES modules and styles under {@code /assets},
 * the chart and API-documentation libraries from their WebJars under {@code /webjars}, and
 * {@code /dashboard/config}, the anon key the sign-in form sends as {@code apikey} (public by design, as
 * Supabase's is: it grants nothing that row-level security does not allow the anonymous role). No data is
 * served here; the pages fetch it with the signed-in user's token.
 */
public final class DashboardRoutes implements HttpModule {
    /** The page, its files and libraries: served by Javalin's static handler, without credentials. */
    public static final List<String> STATIC_PATHS = List.of("/", "/index.html", "/assets/*", "/webjars/*");
    /** Served without credentials: the static files and the page's public settings. */
    public static final List<String> PUBLIC_PATHS =
            Stream.concat(STATIC_PATHS.stream(), Stream.of("/dashboard/config")).toList();

    // Scripts, styles and connections only from this engine: a page can never pull code from a CDN.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final String anonKey;

    public DashboardRoutes(String anonKey) {
        this.anonKey = anonKey;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
            files.headers = Map.of(
                    "Cache-Control",
                    "no-cache",
                    "Content-Security-Policy",
                    CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options",
                    "nosniff");
        });
        config.staticFiles.enableWebjars();
        config.routes.get("/dashboard/config", ctx -> ctx.json(Map.of("anon_key", anonKey)), Access.PUBLIC);
    }
}
