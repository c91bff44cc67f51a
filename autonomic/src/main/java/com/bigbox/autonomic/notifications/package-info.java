/**
 * Telling people that a decision waits for them: which approval events notify whom on which channel
 * and when (escalation rules, business hours, quiet hours), and the durable, once-per-cluster
 * delivery with retries and a dead-letter list.
 */
package com.bigbox.autonomic.notifications;
