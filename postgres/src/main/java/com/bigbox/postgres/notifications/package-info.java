/** The notifications' directory (channels, preferences, dead letters) and approval links on PostgreSQL. */
package com.bigbox.postgres.notifications;
