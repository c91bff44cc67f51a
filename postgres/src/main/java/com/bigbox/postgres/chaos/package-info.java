/**
 * Chaos experiments on PostgreSQL: the run journal ({@code chaos_experiments} and its events), the
 * faults in force across the cluster, database-level faults (terminated sessions, a locked table, slow
 * writes), the probe subscription's record, and the registry of running instances.
 */
package com.bigbox.postgres.chaos;
