/** What an instance's readiness checks ask PostgreSQL: does it answer, and are appends waiting on a lock. */
package com.bigbox.postgres.health;
