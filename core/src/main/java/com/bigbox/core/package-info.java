/**
 * The event-sourced core: events, streams, positions, the {@link com.bigbox.core.EventStore} and
 * {@link com.bigbox.core.EventBus} contracts that adapters implement. Plain Java, no framework.
 */
package com.bigbox.core;
