-- Per signal type and subject: the last one raised, and whether any is still unacknowledged.
select event_type, subject, max(raised_at) as last_raised_at, bool_or(acknowledged_at is null) as open
  from improvement_signals
 group by event_type, subject
