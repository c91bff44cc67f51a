/**
 * {@code bigbox simulate}: a seeded agency with a ground truth for every decision, run through the real
 * agents, approvals, SOP engine and loops on an accelerated clock, measured week by week from the log.
 */
package com.bigbox.app.simulation;
