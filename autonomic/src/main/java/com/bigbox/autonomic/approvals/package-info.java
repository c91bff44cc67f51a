/**
 * Human approvals: the queue Oversight fills, people's decisions (events the flow continues from), and
 * expiry on the durable schedule (silence approves, or the approval escalates).
 */
package com.bigbox.autonomic.approvals;
