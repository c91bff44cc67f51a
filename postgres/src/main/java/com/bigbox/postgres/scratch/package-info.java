/**
 * Statements on a PostgreSQL server rather than in the engine's schema: creating and dropping the scratch
 * databases that simulations and the demo run on, and counting a database's events before the demo may write
 * there.
 */
package com.bigbox.postgres.scratch;
