-- Events per emitter, from the event_stats projection.
select key, events from event_stats_by('emitted_by')
