/**
 * Chaos experiments (the Chaos Toolkit's YAML shape) and the functions they call. {@code bigbox chaos
 * run FILE} reads a versioned experiment and runs it against the running cluster — hypothesis, method,
 * hypothesis, rollbacks — calling the functions ({@code Builtins}) in its own process, and records the
 * run in {@code chaos_experiments} and as events. Every instance with an admin token also serves the
 * same functions over HTTP ({@code ChaosFunctionRoutes}, state per run in {@code ChaosSessions}) for the
 * real Chaos Toolkit's {@code http} providers.
 */
package com.bigbox.app.chaos;
