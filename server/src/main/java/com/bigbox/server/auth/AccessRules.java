package com.bigbox.server.auth;

import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each matched route's {@link Access} rule before its handler (and each socket's before the
 * upgrade): a caller whose role the rule does not name is refused — 401 without a key, and for the anon
 * key where an ordinary sign-in would open the route; 403 for a key or user that is simply not allowed — and a route without a
 * rule is refused to everyone. Runs after {@link CredentialsFilter}, so the caller is already verified.
 */
public final class AccessRules implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    private final List<String> staticFiles;

    /**
     * @param staticFiles the paths Javalin's static handler serves, public by design (the dashboard's page and
     *     files); they are no routes, so they carry no rule of their own. {@code /x/*} means the folder.
     */
    public AccessRules(List<String> staticFiles) {
        this.staticFiles = List.copyOf(staticFiles);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
        config.routes.wsBeforeUpgrade(this::check);
    }

    // A refused anon key gets 401, as PostgREST answers it, where an ordinary sign-in (an employee's) opens the
    // route; a route kept for the CEO or the service key answers it 403, as GoTrue's admin API does.
    private static boolean signInOpens(Set<RouteRole> allowed) {
        return allowed.contains(Access.EMPLOYEE);
    }

    private void check(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty() && isStaticFile(ctx)) {
            return;
        }
        if (allowed.isEmpty()) {
            log.error("{} {} has no access rule; refused to every caller", ctx.method(), ctx.path());
            throw new ApiException(403, "no_access_rule", "this route has no access rule, so nobody may call it", null);
        }
        Access role = Access.of(Caller.of(ctx)).orElse(null);
        if (role != null && allowed.contains(role)) {
            return;
        }
        String who = allowed.stream().map(r -> ((Access) r).label()).collect(Collectors.joining(", "));
        String route = ctx.method() + " " + ctx.path();
        if ((role == Access.ANON || role == Access.NO_KEY) && signInOpens(allowed)) {
            throw new ApiException(401, "unauthorized", "sign in: " + route + " is for " + who, "Authorization");
        }
        if (role == Access.NO_KEY) {
            throw new ApiException(401, "unauthorized", route + " needs an API key (" + who + ")", "Authorization");
        }
        String name = role == null ? "an unknown app role" : "the " + role.label() + " role";
        throw new ApiException(403, "forbidden", name + " may not call " + route + " (it is for " + who + ")", null);
    }

    private boolean isStaticFile(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            return false;
        }
        String path = ctx.path();
        return staticFiles.stream()
                .anyMatch(p -> p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p));
    }
}
