/**
 * The reads behind {@code /graphql/v1}'s fields, run on the caller's transaction and handed over row by row (so that
 * the HTTP side can charge an answer's size as it is read and stop early), and the savepoint each field runs under.
 * The schema, the field names and the answer's shape are {@code com.bigbox.server.graphql}'s.
 */
package com.bigbox.postgres.graphql;
