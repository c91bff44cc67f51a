/**
 * Benchmarks of the event store and real-time bus, each reported as a ratio against a baseline
 * measured in the same run on the same PostgreSQL: raw JDBC inserts and Axon Framework's JDBC
 * event storage engine.
 */
package com.bigbox.bench;
