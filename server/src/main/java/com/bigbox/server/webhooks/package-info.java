/** Lead intake from web forms: HMAC-signed webhooks that append {@code LEAD_RECEIVED}. */
package com.bigbox.server.webhooks;
