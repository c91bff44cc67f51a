/**
 * PostgreSQL adapters: the event store, the real-time feed (LISTEN/NOTIFY plus polling), durable
 * subscriptions with failover, migrations and the embedded database.
 */
package com.bigbox.postgres;
