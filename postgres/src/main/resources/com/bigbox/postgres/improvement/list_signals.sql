-- Signals of one kind (all kinds when null), open ones only unless asked for all, newest first.
select signal_id, event_type, kind, subject, severity, requires_human, monthly_impact, figures, raised_at, due_at,
       acknowledged_at, acknowledged_by
  from improvement_signals
 where (?::text is null or kind = ?) and (? or acknowledged_at is null)
 order by raised_at desc, signal_id
 limit ?
