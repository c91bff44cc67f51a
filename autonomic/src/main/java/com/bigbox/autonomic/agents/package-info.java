/**
 * Agents: their definitions and run-time settings, the context they emit through, and the runner that
 * makes each a durable subscription with bounded retries.
 */
package com.bigbox.autonomic.agents;
