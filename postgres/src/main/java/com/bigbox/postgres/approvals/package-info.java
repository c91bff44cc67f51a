/** The approval queue on PostgreSQL: {@code human_approvals}, comments, audit trail. */
package com.bigbox.postgres.approvals;
