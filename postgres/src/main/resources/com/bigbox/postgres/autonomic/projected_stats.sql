-- The log's totals from the event_stats projection (flat in the history's length).
select * from event_stats(?)
