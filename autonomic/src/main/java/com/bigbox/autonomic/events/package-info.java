/**
 * The event catalogue ({@link com.bigbox.autonomic.events.EventTypes}), the domain's event records (a
 * sealed interface per aggregate) and the one codec that maps them to stored type names and payloads.
 */
package com.bigbox.autonomic.events;
