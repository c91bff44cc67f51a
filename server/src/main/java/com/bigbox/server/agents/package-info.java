/** The agents' HTTP API: status, lag, settings. */
package com.bigbox.server.agents;
