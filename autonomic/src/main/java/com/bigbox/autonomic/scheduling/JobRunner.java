package com.bigbox.autonomic.scheduling;

/** Runs the handlers of due jobs; an adapter claims them so that each runs on one instance only. */
public interface JobRunner extends AutoCloseable {
    /** Registers the handler of {@code kind}; jobs of a kind nobody handles wait. */
    void handle(String kind, JobHandler handler);

    /** Runs every job due now (by the runner's clock); returns how many ran. Also runs on the runner's timer. */
    int runDue();

    @Override
    void close();
}
