-- The seed's sop_execution_metrics (docs/seed-queries.sql).
select sop_id, count(*), round(avg(cycle_time_hours), 2), round(avg(automation_rate), 2),
       round(sum(human_hours), 2), round(sum(estimated_cost), 2)
  from sop_executions where status = 'completed' group by sop_id order by sop_id limit ?
