insert into agent_metrics (metric_id, agent_id, window_start, window_end, events_processed, events_emitted,
    human_escalations, avg_confidence, confidence_variance, automation_rate, human_hours_saved, created_at,
    decisions, autonomous_decisions, approvals_agreed, approvals_overridden, approvals_rejected, confidence_sum,
    confidence_count)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (agent_id, window_start, window_end) do update set
    events_processed = excluded.events_processed, events_emitted = excluded.events_emitted,
    human_escalations = excluded.human_escalations, avg_confidence = excluded.avg_confidence,
    confidence_variance = excluded.confidence_variance, automation_rate = excluded.automation_rate,
    human_hours_saved = excluded.human_hours_saved, decisions = excluded.decisions,
    autonomous_decisions = excluded.autonomous_decisions, approvals_agreed = excluded.approvals_agreed,
    approvals_overridden = excluded.approvals_overridden, approvals_rejected = excluded.approvals_rejected,
    confidence_sum = excluded.confidence_sum, confidence_count = excluded.confidence_count
