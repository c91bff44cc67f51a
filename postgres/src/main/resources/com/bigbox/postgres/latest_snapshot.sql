select sequence_number, state::text from event_snapshots
 where aggregate_type = ? and aggregate_id = ?
 order by sequence_number desc limit 1
