/** The durable job schedule on PostgreSQL: {@code scheduled_jobs}, claimed with FOR UPDATE SKIP LOCKED. */
package com.bigbox.postgres.scheduling;
