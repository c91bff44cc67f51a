/**
 * How a flow moves: facts take effect as they arrive; agents' decisions wait for Oversight and take
 * effect when released ({@link com.bigbox.autonomic.flow.Flows}).
 */
package com.bigbox.autonomic.flow;
