package com.bigbox.server.rest;

import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.Caller;
import io.javalin.http.Context;
import java.util.List;

/**
 * What the caller's role may see of the schema: to a signed-in caller, a table or function its role has no
 * privilege on is one that does not exist. The anon key is told to sign in instead (401, as the database's refusal
 * reads for it), so it learns nothing more by asking. A name the cache does not know reloads it once.
 */
final class CallerSchema {
    private final CatalogCache catalogs;

    CallerSchema(CatalogCache catalogs) {
        this.catalogs = catalogs;
    }

    Catalog catalog(Context ctx, boolean afterMiss) {
        Catalog catalog = afterMiss ? catalogs.afterMiss() : catalogs.current();
        DbRole role = requireCaller(ctx).databaseRole();
        return role == DbRole.ANON ? catalog : catalog.visibleTo(role.claim());
    }

    /** The OpenAPI document's catalog: what the caller's role is granted, and of the tables only those it may read. */
    Catalog document(Context ctx, java.util.Set<String> readable) {
        return catalogs.current()
                .visibleTo(requireCaller(ctx).databaseRole().claim())
                .only(readable);
    }

    Catalog.Table table(Context ctx, String name) {
        return catalog(ctx, false)
                .table(name)
                .or(() -> catalog(ctx, true).table(name))
                .orElseThrow(() -> new PostgrestException(
                        404,
                        "PGRST205",
                        "Could not find the table 'public." + name + "' in the schema cache",
                        null,
                        null));
    }

    List<Catalog.Function> functions(Context ctx, String name) {
        List<Catalog.Function> overloads = catalog(ctx, false).functions(name);
        return overloads.isEmpty() ? catalog(ctx, true).functions(name) : overloads;
    }

    static String column(Catalog.Table table, String name) {
        return table.column(name)
                .map(Catalog.Column::name)
                .orElseThrow(() -> new PostgrestException(
                        400,
                        "PGRST204",
                        "Could not find the '" + name + "' column of '" + table.name() + "' in the schema cache",
                        null,
                        null));
    }

    static Caller requireCaller(Context ctx) {
        return Caller.of(ctx)
                .orElseThrow(() -> new PostgrestException(401, "PGRST301", "No API key found in request", null, null));
    }
}
