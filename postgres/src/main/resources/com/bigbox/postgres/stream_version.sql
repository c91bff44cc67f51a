-- A stream's version: the sequence number of its last event (no row: no events).
select version from event_streams where aggregate_type = ? and aggregate_id = ?
