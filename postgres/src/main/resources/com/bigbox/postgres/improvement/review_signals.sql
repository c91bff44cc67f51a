-- The week's signals, and gaps still unacknowledged whatever their age (an overdue review stays on the list).
select signal_id, event_type, kind, subject, monthly_impact, figures::text as figures, raised_at, due_at, acknowledged_at
  from improvement_signals
 where (raised_at >= ? and raised_at < ?)
    or (kind = 'gap' and acknowledged_at is null and raised_at < ?)
 order by raised_at, signal_id
