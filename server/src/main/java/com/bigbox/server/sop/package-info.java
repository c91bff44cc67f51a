/** SOPs and their executions over HTTP. */
package com.bigbox.server.sop;
