-- The seed's "Agent performance" figures per agent, over the windows since a time.
select agent_id, sum(events_processed) as events_processed, sum(events_emitted) as events_emitted,
       sum(human_escalations) as human_escalations, round(avg(avg_confidence), 2) as avg_confidence,
       round(avg(automation_rate), 2) as automation_rate, sum(human_hours_saved) as human_hours_saved,
       sum(approvals_agreed) as approvals_agreed, sum(approvals_overridden) as approvals_overridden,
       sum(approvals_rejected) as approvals_rejected
  from agent_metrics
 where window_start >= ? and (?::text is null or agent_id = ?)
 group by agent_id order by agent_id
