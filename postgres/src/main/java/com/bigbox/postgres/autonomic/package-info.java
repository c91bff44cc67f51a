/** The PostgreSQL side of autonomic operations assembled for one node, and the subscriptions' status. */
package com.bigbox.postgres.autonomic;
