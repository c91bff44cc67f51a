package com.bigbox.app.engine;

import com.bigbox.autonomic.reasoning.RuleBasedReasoner;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.autonomic.PgAutonomic;
import java.time.Clock;

/** Autonomic operations on one engine instance: the PostgreSQL adapters, the job runner, the agents. */
public final class AutonomicRuntime implements AutoCloseable {
    private final PgAutonomic adapters;
    private final AutonomicOperations operations;

    private AutonomicRuntime(PgAutonomic adapters, AutonomicOperations operations) {
        this.adapters = adapters;
        this.operations = operations;
    }

    /** Starts every agent, the governor, the projections and the job runner of this instance. */
    public static AutonomicRuntime start(PgNode node, Clock clock) {
        PgAutonomic adapters = PgAutonomic.start(node, clock, PgAutonomic.DEFAULT_JOB_POLL);
        try {
            var operations = new AutonomicOperations(adapters.ports(), clock, new RuleBasedReasoner(),
                    AutonomicOperations.Settings.defaults()).start();
            return new AutonomicRuntime(adapters, operations);
        } catch (RuntimeException e) {
            adapters.close();
            throw e;
        }
    }

    public AutonomicOperations operations() {
        return operations;
    }

    @Override
    public void close() {
        operations.close();
        adapters.close();
    }
}
