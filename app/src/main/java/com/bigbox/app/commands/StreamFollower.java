package com.bigbox.app.commands;

import com.bigbox.core.RecordedEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Shows what a running engine makes of an event a command recorded: each later event of its stream as it lands. */
final class StreamFollower {
    private StreamFollower() {}

    /** Prints the stream's events after {@code first} until {@code done} holds or {@code wait} passes; whether it held. */
    static boolean follow(
            OneShot db, RecordedEvent first, Duration wait, Predicate<List<RecordedEvent>> done, PrintWriter out)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        int shown = (int) first.sequenceNumber();
        while (System.nanoTime() < deadline) {
            List<RecordedEvent> stream = db.store().readStream(first.stream(), 1);
            for (RecordedEvent e : stream.subList(Math.min(shown, stream.size()), stream.size())) {
                out.printf("%-28s %s confidence %s%n", e.type(), e.emittedBy(), e.confidence());
            }
            shown = stream.size();
            if (done.test(stream)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
