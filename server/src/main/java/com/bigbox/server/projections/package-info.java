/** Agent metrics and client health over HTTP. */
package com.bigbox.server.projections;
