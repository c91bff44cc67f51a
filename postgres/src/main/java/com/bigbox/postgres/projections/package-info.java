/** The projections' storage on PostgreSQL and their rebuild from the log. */
package com.bigbox.postgres.projections;
