/**
 * {@code /realtime/v1/websocket}: Supabase Realtime's Phoenix-channel protocol (serializers 1.0.0 and
 * 2.0.0) for {@code postgres_changes} of {@code events}, {@code human_approvals} and
 * {@code sop_executions}, checked against each subscriber's row-level security in batches.
 */
package com.bigbox.server.realtime;
