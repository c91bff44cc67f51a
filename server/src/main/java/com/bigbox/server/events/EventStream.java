package com.bigbox.server.events;

import com.bigbox.core.EventBus;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.Registration;
import com.bigbox.core.Wakeup;
import com.bigbox.server.RequestTransactions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One client's Server-Sent Events stream. The bus only wakes it; the events themselves are read
 * through the caller's transaction, so the client sees exactly what it may read, in commit order,
 * from where it resumes, with nothing skipped between catching up and following live.
 *
 * <p>Served to any GET, whatever its {@code Accept} header, so that {@code curl} works as well as a
 * browser's EventSource.
 */
final class EventStream {
    private static final int BATCH = 500;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final RequestTransactions transactions;
    private final EventBus bus;
    private final ObjectMapper json;

    EventStream(RequestTransactions transactions, EventBus bus, ObjectMapper json) {
        this.transactions = transactions;
        this.bus = bus;
        this.json = json;
    }

    /** @param after the global position to resume after; negative: only events from now on */
    void serve(Context ctx, long after) throws IOException, InterruptedException {
        Position cursor = transactions.run(ctx, work -> after < 0 ? work.head() : EventRoutes.position(work, after));
        var wakeup = new Wakeup();
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        Registration wakeups = bus.subscribe(EventFilter.all(), event -> wakeup.signal());
        try {
            write(out, ": connected\n\n");
            while (true) {
                Position from = cursor;
                List<RecordedEvent> batch = transactions.run(ctx, work -> work.readAll(from, BATCH));
                for (RecordedEvent event : batch) {
                    write(
                            out,
                            "id: " + event.globalPosition() + "\nevent: " + event.type() + "\ndata: "
                                    + json.writeValueAsString(EventView.of(event)) + "\n\n");
                    cursor = event.position();
                }
                if (batch.size() == BATCH) {
                    continue;
                }
                if (!wakeup.await(KEEP_ALIVE)) {
                    write(out, ": keep-alive\n\n");
                }
            }
        } catch (IOException gone) {
            // the client went away; its EventSource resumes with Last-Event-ID
        } finally {
            wakeups.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
