/**
 * The notifications' channels (SMTP e-mail, Slack incoming webhooks, signed outgoing webhooks), the
 * routes that set them up and show the dead-letter list, and the approval links' pages.
 */
package com.bigbox.server.notifications;
