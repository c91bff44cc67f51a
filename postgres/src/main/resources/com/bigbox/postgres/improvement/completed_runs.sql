select execution_id, sop_id, sop_version, completed_at, coalesce(cycle_time_hours, 0) as cycle_time_hours,
       coalesce(automation_rate, 0) as automation_rate, estimated_cost
  from sop_executions
 where status = 'completed' and completed_at >= ?
 order by completed_at, execution_id
