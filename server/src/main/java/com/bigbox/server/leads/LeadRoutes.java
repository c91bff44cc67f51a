package com.bigbox.server.leads;

import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.leads.LeadIntake;
import com.bigbox.core.RecordedEvent;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Set;

/** {@code POST /api/v1/leads}: the intake path over HTTP. A malformed inquiry is refused, naming the field. */
public final class LeadRoutes implements HttpModule {
    static final Set<String> FIELDS =
            Set.of("name", "email", "phone", "company", "budget", "message", "urgency", "source", "client_id");

    private final RequestTransactions transactions;
    private final LeadIntake intake;

    public LeadRoutes(RequestTransactions transactions, LeadIntake intake) {
        this.transactions = transactions;
        this.intake = intake;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post("/api/v1/leads", this::receive, Access.STAFF);
    }

    /** Reads an inquiry from a JSON body; shared with the original API's lead intake. */
    public static LeadInquiry inquiry(Body body) {
        return new LeadInquiry(
                body.text("name"),
                body.text("email"),
                body.text("phone"),
                body.text("company"),
                body.decimal("budget"),
                body.text("message"),
                body.text("urgency"),
                body.text("source"),
                body.text("client_id"));
    }

    private void receive(Context ctx) {
        LeadInquiry inquiry = inquiry(Body.of(ctx, FIELDS));
        RecordedEvent recorded = transactions.run(ctx, w -> intake.receive(w, inquiry));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("lead_id", recorded.stream().id());
        answer.put("event_id", recorded.eventId());
        answer.put("correlation_id", recorded.correlationId());
        answer.put("event_type", recorded.type());
        answer.put("confidence", recorded.confidence().value());
        answer.put("client_id", com.bigbox.autonomic.flow.Flows.clientIdIn(recorded.payload()));
        Replies.json(ctx, 201, answer);
    }
}
