-- Wakes every engine instance's feed (they LISTEN on bigbox_events): imported events were committed.
notify bigbox_events
