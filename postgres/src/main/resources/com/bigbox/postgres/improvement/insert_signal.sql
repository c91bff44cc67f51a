insert into improvement_signals (signal_id, event_type, kind, subject, severity, requires_human, monthly_impact, figures,
                                 raised_at, due_at)
values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
on conflict (signal_id) do nothing
