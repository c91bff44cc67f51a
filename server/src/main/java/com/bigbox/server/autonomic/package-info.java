/** What the autonomic routes share: error mapping, checked bodies and parameters. */
package com.bigbox.server.autonomic;
