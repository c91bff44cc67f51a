package com.bigbox.server.meetings;

import com.bigbox.autonomic.meetings.MeetingIntake;
import com.bigbox.autonomic.meetings.extraction.Turn;
import com.bigbox.core.RecordedEvent;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Replies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/meetings}: {@code {"client_id", "meeting_id"?, "date"?, "attended"?, "text" | "turns"}} where
 * text is a transcript or notes and turns are {@code {"speaker", "role"?, "start"?, "end"?, "text"}}. Records
 * MEETING_COMPLETED; the meeting agent reads it. A malformed meeting is refused, naming the field.
 */
public final class MeetingRoutes implements HttpModule {
    static final Set<String> FIELDS = Set.of("client_id", "meeting_id", "date", "attended", "text", "turns");
    static final Set<String> TURN_FIELDS = Set.of("speaker", "role", "start", "end", "text");

    private final RequestTransactions transactions;
    private final MeetingIntake intake;

    public MeetingRoutes(RequestTransactions transactions, MeetingIntake intake) {
        this.transactions = transactions;
        this.intake = intake;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post("/api/v1/meetings", this::receive, Access.STAFF);
    }

    private void receive(Context ctx) {
        Body body = Body.of(ctx, FIELDS);
        MeetingIntake.Submission submission;
        try {
            submission = new MeetingIntake.Submission(
                    body.text("client_id"),
                    body.text("meeting_id"),
                    date(body.text("date")),
                    body.text("text"),
                    turns(body.node("turns")),
                    body.bool("attended"));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains(":")
                    ? e.getMessage().substring(0, e.getMessage().indexOf(':'))
                    : "body";
            throw ApiException.badRequest(field, e.getMessage());
        }
        RecordedEvent recorded = transactions.run(ctx, w -> intake.receive(w, submission));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("meeting_id", recorded.stream().id());
        answer.put("event_id", recorded.eventId());
        answer.put("correlation_id", recorded.correlationId());
        answer.put("event_type", recorded.type());
        Replies.json(ctx, 201, answer);
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", "date must be YYYY-MM-DD, was '" + text + "'");
        }
    }

    private static List<Turn> turns(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("turns", "turns must be an array of {speaker, role, start, end, text}");
        }
        var turns = new ArrayList<Turn>();
        for (JsonNode item : node) {
            if (!(item instanceof ObjectNode object)) {
                throw ApiException.badRequest("turns", "each turn must be an object");
            }
            Body turn = Body.of(object);
            object.fieldNames().forEachRemaining(name -> {
                if (!TURN_FIELDS.contains(name)) {
                    throw ApiException.badRequest(
                            "turns", "unknown turn field '" + name + "'; expected some of " + TURN_FIELDS);
                }
            });
            String text = turn.text("text");
            if (text == null || text.isBlank()) {
                throw ApiException.badRequest("turns", "turn " + (turns.size() + 1) + " has no text");
            }
            turns.add(new Turn(
                    "t" + (turns.size() + 1),
                    turn.text("speaker"),
                    turn.text("role"),
                    turn.number("start"),
                    turn.number("end"),
                    text));
        }
        return turns;
    }
}
