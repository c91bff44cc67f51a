-- Events per type, from the event_stats projection.
select key, events from event_stats_by('event_type')
