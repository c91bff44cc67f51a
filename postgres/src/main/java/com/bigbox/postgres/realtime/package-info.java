/**
 * PostgreSQL side of {@code /realtime/v1}: which of a batch of committed changes a subscriber may see, asked as that
 * subscriber so that row-level security decides.
 */
package com.bigbox.postgres.realtime;
