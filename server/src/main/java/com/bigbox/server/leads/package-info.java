/** Lead intake over HTTP. */
package com.bigbox.server.leads;
