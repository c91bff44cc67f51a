select event_id from events
 where aggregate_type = ? and aggregate_id like ? escape '\' and event_type = ?
