/** The autonomic domain: agents, approvals, SOPs, projections, control loops. Business logic, no SQL. */
package com.bigbox.autonomic;
