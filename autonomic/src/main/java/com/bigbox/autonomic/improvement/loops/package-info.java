/** The self-improvement control loops: each a monitor → analyse → plan → execute pass over the event log. */
package com.bigbox.autonomic.improvement.loops;
