/**
 * What the database knows about the cluster's health, read for metrics and health checks: how far
 * each durable subscription and each instance's feed trails the log, and the business gauges the
 * seed's tables answer (approvals pending and overdue, SOP executions, agent confidence, chaos scores).
 */
package com.bigbox.postgres.metrics;
