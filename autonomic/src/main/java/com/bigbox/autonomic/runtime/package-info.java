/** Autonomic operations assembled: agents, governor and projections as durable subscriptions. */
package com.bigbox.autonomic.runtime;
