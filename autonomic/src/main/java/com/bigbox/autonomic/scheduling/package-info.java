/**
 * Scheduling that survives restarts and runs each due job once across the cluster: the ports
 * ({@link com.bigbox.autonomic.scheduling.JobScheduler}, {@link com.bigbox.autonomic.scheduling.JobRunner})
 * that approval expiry, SOP step timeouts and the self-improvement loops use; the adapter is in postgres.
 */
package com.bigbox.autonomic.scheduling;
