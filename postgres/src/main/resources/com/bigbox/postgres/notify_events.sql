-- Wakes every instance's listener (listen_events.sql): events were committed. Carries no data.
notify bigbox_events
