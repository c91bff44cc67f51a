package com.bigbox.app.engine;

import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Registration;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.access.CallerTransactions;
import com.bigbox.postgres.access.ConsoleSessions;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.access.PgRowChangeFeed;
import com.bigbox.postgres.access.RefreshTokenStore;
import com.bigbox.postgres.access.SignInAttempts;
import com.bigbox.postgres.access.UserStore;
import com.bigbox.postgres.access.WebhookSecretStore;
import com.bigbox.postgres.rest.SchemaReader;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.AccessErrors;
import com.bigbox.server.auth.AccessRules;
import com.bigbox.server.auth.AuthRoutes;
import com.bigbox.server.auth.AuthService;
import com.bigbox.server.auth.CallerRequestTransactions;
import com.bigbox.server.auth.CredentialsFilter;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Sessions;
import com.bigbox.server.auth.Tokens;
import com.bigbox.server.dashboard.DashboardRoutes;
import com.bigbox.server.dashboard.SqlConsoleRoutes;
import com.bigbox.server.graphql.GraphqlLimits;
import com.bigbox.server.graphql.GraphqlRoutes;
import com.bigbox.server.graphql.ServiceApprovalDecisions;
import com.bigbox.server.limits.RequestLimits;
import com.bigbox.server.openapi.EngineApiDocument;
import com.bigbox.server.openapi.RestOpenApi;
import com.bigbox.server.realtime.RealtimeHub;
import com.bigbox.server.realtime.RealtimeRoutes;
import com.bigbox.server.rest.CatalogCache;
import com.bigbox.server.rest.RestRoutes;
import com.bigbox.server.webhooks.LeadWebhook;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Supabase-compatible access layer of one instance, built from the settings: keys and the check of
 * every request, caller-scoped transactions, {@code /auth/v1}, {@code /rest/v1}, realtime, GraphQL, the
 * lead webhook, limits and OpenAPI. Settings (all optional; see README "Access"):
 * {@code BIGBOX_JWT_SECRET}, {@code BIGBOX_TENANCY} (ignored: client isolation is always on), {@code BIGBOX_AUTH_SIGNUP} (on|off),
 * {@code BIGBOX_JWT_EXPIRY} (seconds), {@code BIGBOX_REFRESH_TOKEN_DAYS}, {@code BIGBOX_BCRYPT_COST},
 * {@code BIGBOX_RATE_LIMIT_PER_IP} and {@code BIGBOX_RATE_LIMIT_PER_KEY} (requests a minute, 0: none),
 * {@code BIGBOX_MAX_BODY_BYTES}, {@code BIGBOX_REALTIME_MAX_MESSAGE_BYTES},
 * {@code BIGBOX_WEBHOOK_TOLERANCE_SECONDS}, {@code BIGBOX_REALTIME_RETENTION_MINUTES},
 * {@code BIGBOX_SQL_CONSOLE_TIMEOUT_MS} and {@code BIGBOX_SQL_CONSOLE_MAX_BYTES} (the dashboard's SQL console).
 */
final class AccessLayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccessLayer.class);
    /**
     * Served without credentials: probes, metrics (scrapers; keep the port internal), the engine API's
     * document, the HMAC-signed webhook, the chaos surface (it checks its own admin token), and the
     * dashboard's files.
     */
    static final List<String> PUBLIC_PATHS = Stream.concat(
                    Stream.of(
                            "/health",
                            "/health/*",
                            "/metrics",
                            "/api/v1/openapi.json",
                            LeadWebhook.PATH,
                            "/admin/v1/chaos/*",
                            "/approve/*"),
                    DashboardRoutes.PUBLIC_PATHS.stream())
            .toList();

    private final CallerRequestTransactions transactions;
    private final List<HttpModule> filters;
    private final List<HttpModule> routes;
    private final PgRowChangeFeed rowChanges;
    private final RealtimeHub hub;
    private final Registration busRegistration;

    private AccessLayer(
            CallerRequestTransactions transactions,
            List<HttpModule> filters,
            List<HttpModule> routes,
            PgRowChangeFeed rowChanges,
            RealtimeHub hub,
            Registration busRegistration) {
        this.transactions = transactions;
        this.filters = filters;
        this.routes = routes;
        this.rowChanges = rowChanges;
        this.hub = hub;
        this.busRegistration = busRegistration;
    }

    /** @param approvals what GraphQL's decideApproval decides through, as the REST API does */
    static AccessLayer start(
            Settings settings, Database database, PgNode node, String instanceName, ApprovalService approvals)
            throws IOException {
        JwtSecret secret = secret(settings);
        applyTenancy(settings);
        Clock clock = Clock.systemUTC();
        var tokens = new Tokens(
                secret, clock, Duration.ofSeconds(settings.integer("BIGBOX_JWT_EXPIRY", 3600, 60, 86_400 * 7)));
        var refreshTokens = new RefreshTokenStore(database.pool());
        // Every surface asks whether a user's session is still open; an answer is reused for at most 2 s.
        var sessions = new Sessions(refreshTokens, Duration.ofSeconds(2), System::nanoTime);
        var transactions = new CallerRequestTransactions(new CallerTransactions(node.store()), sessions, clock);
        // Failed sign-ins are counted in the database: every instance sees the same lock (issue 10, item 8).
        var auth = auth(settings, database, refreshTokens, sessions, tokens, clock);
        var limits = limits(settings);
        int maxRealtimeMessage = limits.settings().maxRealtimeMessageBytes();
        var catalogs = new CatalogCache(new SchemaReader(database.pool()));
        var json = Json.mapper();
        var rowChanges = new PgRowChangeFeed(
                database.pool(),
                Duration.ofMillis(100),
                Duration.ofMinutes(settings.integer("BIGBOX_REALTIME_RETENTION_MINUTES", 60, 5, 7 * 24 * 60)),
                instanceName);
        var hub = new RealtimeHub(
                transactions, sessions, catalogs, node.store()::head, rowChanges::head, json, clock, instanceName);
        rowChanges.start(hub::onRowChanges);
        hub.start();
        Registration busRegistration = node.bus().subscribe(EventFilter.all(), hub::onEvent);
        List<HttpModule> filters = List.of(
                limits.beforeCredentials(),
                new CredentialsFilter(tokens, sessions, PUBLIC_PATHS),
                limits.afterCredentials(),
                new AccessRules(DashboardRoutes.STATIC_PATHS),
                new AccessErrors());
        List<HttpModule> routes = Stream.concat(
                        Stream.of(
                                new AuthRoutes(auth),
                                new RestRoutes(
                                        transactions,
                                        catalogs,
                                        RestOpenApi::document,
                                        settings.integer("BIGBOX_REST_MAX_ROWS", 1_000, 1, 1_000_000)),
                                new RealtimeRoutes(hub, tokens, catalogs, json, maxRealtimeMessage),
                                new GraphqlRoutes(
                                        transactions, new ServiceApprovalDecisions(approvals), graphqlLimits(settings)),
                                new LeadWebhook(
                                        new WebhookSecretStore(database.pool()),
                                        transactions,
                                        clock,
                                        Duration.ofSeconds(
                                                settings.integer("BIGBOX_WEBHOOK_TOLERANCE_SECONDS", 300, 10, 3_600))),
                                new EngineApiDocument()),
                        dashboard(settings, tokens, database).stream())
                .toList();
        return new AccessLayer(transactions, filters, routes, rowChanges, hub, busRegistration);
    }

    // The secret the tokens are signed with, created (and said so) on the first start.
    private static JwtSecret secret(Settings settings) throws IOException {
        boolean[] created = {false};
        JwtSecret secret = JwtSecretFile.loadOrCreate(settings, created);
        if (created[0]) {
            log.info(
                    "Created a JWT secret in {}; print the anon and service_role keys with: bigbox keys",
                    JwtSecretFile.path(settings));
        }
        return secret;
    }

    private static AuthService auth(
            Settings settings,
            Database database,
            RefreshTokenStore refreshTokens,
            Sessions sessions,
            Tokens tokens,
            Clock clock) {
        return new AuthService(
                new UserStore(database.pool()),
                new SignInAttempts(database.pool(), Duration.ofMinutes(15)),
                refreshTokens,
                sessions,
                tokens,
                clock,
                new AuthService.Options(
                        flag(settings, "BIGBOX_AUTH_SIGNUP", false),
                        Duration.ofDays(settings.integer("BIGBOX_REFRESH_TOKEN_DAYS", 30, 1, 365)),
                        settings.integer("BIGBOX_BCRYPT_COST", 10, 4, 16),
                        "Big Box"));
    }

    private static RequestLimits limits(Settings settings) {
        return new RequestLimits(new RequestLimits.Settings(
                settings.integer("BIGBOX_RATE_LIMIT_PER_IP", 600, 0, 1_000_000),
                settings.integer("BIGBOX_RATE_LIMIT_PER_KEY", 1_200, 0, 1_000_000),
                settings.integer("BIGBOX_MAX_BODY_BYTES", 1_048_576, 1_024, 64 * 1_048_576),
                settings.integer("BIGBOX_REALTIME_MAX_MESSAGE_BYTES", 65_536, 1_024, 16 * 1_048_576)));
    }

    private static GraphqlLimits graphqlLimits(Settings settings) {
        GraphqlLimits d = GraphqlLimits.DEFAULTS;
        return new GraphqlLimits(
                settings.integer("BIGBOX_GRAPHQL_MAX_COST", d.maxCost(), 1, 100_000_000),
                settings.integer("BIGBOX_GRAPHQL_MAX_DEPTH", d.maxDepth(), 3, 100),
                settings.integer(
                        "BIGBOX_GRAPHQL_MAX_RESPONSE_BYTES", (int) d.maxResponseBytes(), 1_024, 1_024 * 1_048_576));
    }

    // The dashboard's files and public settings, and its SQL console for administrators.
    private static List<HttpModule> dashboard(Settings settings, Tokens tokens, Database database) {
        return List.of(
                new DashboardRoutes(tokens.apiKey(DbRole.ANON, Duration.ofDays(3650))),
                new SqlConsoleRoutes(
                        new ConsoleSessions(database),
                        Duration.ofMillis(settings.integer("BIGBOX_SQL_CONSOLE_TIMEOUT_MS", 5_000, 100, 600_000)),
                        1_000,
                        settings.integer("BIGBOX_SQL_CONSOLE_MAX_BYTES", 1_048_576, 1_024, 64 * 1_048_576)));
    }

    RequestTransactions transactions() {
        return transactions;
    }

    /** The checks every request passes, in order; registered before any route. */
    List<HttpModule> filters() {
        return filters;
    }

    List<HttpModule> routes() {
        return routes;
    }

    RealtimeHub hub() {
        return hub;
    }

    // Client isolation is always on (migration V50): a client's token sees only its client's rows whatever
    // the settings. BIGBOX_TENANCY, which once switched it, is still accepted; "off" no longer weakens it.
    private static void applyTenancy(Settings settings) {
        if (settings.get("BIGBOX_TENANCY").isPresent() && !flag(settings, "BIGBOX_TENANCY", true)) {
            log.warn("BIGBOX_TENANCY=off is ignored: a client user's token always sees only its client's rows");
        }
    }

    static boolean flag(Settings settings, String name, boolean otherwise) {
        return settings.get(name)
                .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "on", "true", "yes", "1" -> true;
                    case "off", "false", "no", "0" -> false;
                    default -> throw new Settings.SettingException(name, "must be on or off, was '" + v + "'");
                })
                .orElse(otherwise);
    }

    @Override
    public void close() {
        busRegistration.close();
        hub.close();
        rowChanges.close();
    }
}
