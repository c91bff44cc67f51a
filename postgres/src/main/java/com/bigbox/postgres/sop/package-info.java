/** SOP versions and executions on PostgreSQL. */
package com.bigbox.postgres.sop;
