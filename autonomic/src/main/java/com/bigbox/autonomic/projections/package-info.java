/**
 * Projections derived only from events ({@code agent_metrics}, {@code client_health}), live as durable
 * subscriptions and rebuilt by replay to the same rows.
 */
package com.bigbox.autonomic.projections;
