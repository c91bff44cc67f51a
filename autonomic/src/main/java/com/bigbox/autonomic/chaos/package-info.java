/**
 * Chaos experiments: the Chaos Toolkit's experiment shape (steady-state hypothesis, method,
 * rollbacks and their strategy), tolerances, the original engine's fault kinds with their intensity
 * and protected event types, the fault-injection decorator that event handlers are wrapped in, and
 * how a run is scored (resilience = 1 − degradation, alert below 0.7, trend over the last five).
 */
package com.bigbox.autonomic.chaos;
