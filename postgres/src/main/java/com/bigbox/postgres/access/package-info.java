/**
 * PostgreSQL side of the access layer: transactions opened as an API caller's role, the engine's
 * users and refresh tokens, webhook secrets, and the commit-safe feed of captured row changes.
 */
package com.bigbox.postgres.access;
