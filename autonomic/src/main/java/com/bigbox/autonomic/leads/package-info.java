/** The intake path for lead inquiries: checked at the edge, recorded by the intake agent. */
package com.bigbox.autonomic.leads;
