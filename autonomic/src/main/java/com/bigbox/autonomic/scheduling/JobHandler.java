package com.bigbox.autonomic.scheduling;

import com.bigbox.core.UnitOfWork;

/**
 * Runs a due job inside {@code work}: the job's completion commits with its effects, so a job whose
 * instance dies mid-run runs again elsewhere and no job's effect happens twice.
 */
@FunctionalInterface
public interface JobHandler {
    void run(Job job, UnitOfWork work) throws Exception;
}
