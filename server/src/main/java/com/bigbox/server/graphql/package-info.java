/**
 * {@code /graphql/v1}: events (filters, cursor pagination), streams, approvals, SOP metrics, agent
 * performance and client health, and the append and decide mutations — run as the caller, so the same
 * grants and row-level security as every other surface apply.
 */
package com.bigbox.server.graphql;
