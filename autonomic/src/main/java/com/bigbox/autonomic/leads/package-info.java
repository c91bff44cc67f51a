/** Lead intake: the intake path for inquiries (checked at the edge) and the intake agent that qualifies them. */
package com.bigbox.autonomic.leads;
