/** Oversight, the governor: its rules and the handler that applies them to every agent decision. */
package com.bigbox.autonomic.oversight;
