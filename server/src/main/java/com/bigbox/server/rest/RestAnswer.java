package com.bigbox.server.rest;

import com.bigbox.postgres.rest.RestSession.Rows;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Answers rows as PostgREST does: {@code Content-Range}, 206 for a partial read that was counted, one object for
 * {@code Accept: application/vnd.pgrst.object+json}, CSV for {@code text/csv}, else a JSON array.
 */
final class RestAnswer {
    static final Rows NONE = new Rows("[]", 0, null);
    private static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";

    private RestAnswer() {}

    static void rows(Context ctx, int status, Rows result, long offset, boolean withBody) {
        String total = result.total() == null ? "*" : Long.toString(result.total());
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        String range =
                result.rows() == 0 || !read ? "*/" + total : offset + "-" + (offset + result.rows() - 1) + "/" + total;
        ctx.header("Content-Range", range);
        int finalStatus = status;
        if (status == 200
                && result.total() != null
                && result.rows() < result.total()
                && ctx.method() == HandlerType.GET) {
            finalStatus = 206;
        }
        String accept = ctx.header("Accept");
        if (withBody && accept != null && accept.contains(SINGLE_OBJECT)) {
            if (result.rows() != 1) {
                throw new PostgrestException(
                        406,
                        "PGRST116",
                        "JSON object requested, multiple (or no) rows returned",
                        "The result contains " + result.rows() + " rows",
                        null);
            }
            ctx.status(status)
                    .contentType(SINGLE_OBJECT + "; charset=utf-8")
                    .result(RestJson.parse(result.json()).get(0).toString());
            return;
        }
        ctx.status(finalStatus);
        if (withBody && accept != null && accept.contains("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            if (ctx.method() != HandlerType.HEAD) {
                ctx.result(RestCsv.of((ArrayNode) RestJson.parse(result.json())));
            }
            return;
        }
        if (withBody && ctx.method() != HandlerType.HEAD) {
            ctx.contentType("application/json; charset=utf-8").result(result.json());
        }
    }
}
