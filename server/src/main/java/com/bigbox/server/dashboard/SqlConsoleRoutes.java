package com.bigbox.server.dashboard;

import com.bigbox.postgres.access.ConsoleSessions;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/dashboard/sql} with {@code {"sql": "select ..."}}: the administrators' SQL console.
 * Only a signed-in CEO may use it; the query runs in a session of its own that ends with the request,
 * read-only, as the console's role (what a CEO may read, no advisory locks), with a statement timeout,
 * and returns at most a page of rows.
 */
public final class SqlConsoleRoutes implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(SqlConsoleRoutes.class);
    static final String PATH = "/api/v1/dashboard/sql";
    static final String ADMIN_ROLE = "ceo";

    private final ConsoleSessions sessions;
    private final SqlConsole console;
    private final ObjectMapper json = Json.mapper();

    /**
     * @param timeout the statement timeout of every console query
     * @param maxRows the most rows one answer carries
     * @param maxBytes about the most bytes of rows one answer carries
     */
    public SqlConsoleRoutes(ConsoleSessions sessions, Duration timeout, int maxRows, int maxBytes) {
        this.sessions = sessions;
        this.console = new SqlConsole(timeout, maxRows, maxBytes, json);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post(PATH, this::run, Access.CEO_ONLY);
    }

    private void run(Context ctx) {
        Caller caller = Caller.of(ctx)
                .orElseThrow(() -> new ApiException(401, "unauthorized", "sign in to use the SQL console", null));
        if (!caller.isUser() || !ADMIN_ROLE.equals(caller.appRole())) {
            throw new ApiException(
                    403, "forbidden", "the SQL console is for administrators (users with the ceo role)", null);
        }
        String sql = sql(ctx.body());
        if (caller.expired(Instant.now())) {
            throw new ApiException(401, "unauthorized", "JWT expired", null);
        }
        SqlConsoleResult result = console.run(sessions, caller.claimsJson(), sql);
        log.info(
                "SQL console: {} ran a query ({} rows, {} ms)",
                caller.actor(),
                result.rows().size(),
                result.elapsed_ms());
        ctx.json(result);
    }

    private String sql(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body", "the body must be {\"sql\": \"select ...\"}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("sql")) {
                throw ApiException.badRequest(
                        name, "unknown field '" + name + "'; the body is {\"sql\": \"select ...\"}");
            }
        }
        JsonNode sql = node.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw ApiException.badRequest("sql", "sql must be a query (text)");
        }
        if (sql.asText().length() > SqlConsole.MAX_SQL_LENGTH) {
            throw ApiException.badRequest("sql", "sql must be at most " + SqlConsole.MAX_SQL_LENGTH + " characters");
        }
        return sql.asText();
    }
}
