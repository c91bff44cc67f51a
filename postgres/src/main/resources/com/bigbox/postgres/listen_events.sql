-- The channel PgNotifier sends on after the engine's commits.
listen bigbox_events
