package com.bigbox.autonomic.improvement.loops;

import com.bigbox.core.UnitOfWork;
import java.time.Instant;

/**
 * One MAPE-K loop: monitor (facts read through a port), analyse and plan (a pure function of those
 * facts and the doctrine), execute (events with before/after values and evidence; beyond the doctrine's
 * bounds, a person's approval instead). It runs as a recurring durable job of kind {@code loop.<name>}.
 */
public interface ControlLoop {
    /** Its name, also its schedule's key in the doctrine. */
    String name();

    /** One pass at {@code now}, in the job's transaction; returns what it did. */
    LoopRun run(UnitOfWork work, Instant now);

    default String jobKind() {
        return "loop." + name();
    }
}
