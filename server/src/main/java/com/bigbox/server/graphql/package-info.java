/**
 * {@code /graphql/v1}: events (filters, cursor pagination), streams, approvals, SOP metrics, agent
 * performance and client health, and the append and decide mutations — run as the caller, so the same
 * grants and row-level security as every other surface apply. The fields' SQL is
 * {@code com.bigbox.postgres.graphql}'s; here are the schema, the wiring and the answer's shape.
 */
package com.bigbox.server.graphql;
