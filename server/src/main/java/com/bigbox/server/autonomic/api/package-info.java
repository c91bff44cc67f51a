/** Autonomic operations' HTTP modules, assembled for the composition root. */
package com.bigbox.server.autonomic.api;
