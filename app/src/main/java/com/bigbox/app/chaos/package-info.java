/**
 * {@code bigbox chaos run FILE}: reads a versioned experiment (the Chaos Toolkit's YAML shape), runs
 * it against the running cluster — hypothesis, method, hypothesis, rollbacks — with the engine's
 * built-in probes and actions, and records the run in {@code chaos_experiments} and as events.
 */
package com.bigbox.app.chaos;
