-- The seed's agent_performance_30d (docs/seed-queries.sql).
select agent_id, sum(events_processed), sum(events_emitted), sum(human_escalations),
       round(avg(avg_confidence), 2), round(avg(automation_rate), 2)
  from agent_metrics where window_start >= now() - interval '30 days' group by agent_id order by agent_id limit ?
