-- The agents' metric windows as stored, newest first (null filters match all).
select agent_id, window_start, window_end, events_processed, events_emitted, human_escalations, avg_confidence,
       confidence_variance, automation_rate, human_hours_saved, decisions, autonomous_decisions,
       approvals_agreed, approvals_overridden, approvals_rejected
  from agent_metrics
 where (?::text is null or agent_id = ?) and (?::timestamptz is null or window_start >= ?)
 order by window_start desc, agent_id
 limit ?
