/** The human approval queue's HTTP API. */
package com.bigbox.server.approvals;
