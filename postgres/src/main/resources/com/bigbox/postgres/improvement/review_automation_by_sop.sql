select sop_id, count(*) as executions, avg(coalesce(automation_rate, 0)) as automation_rate
  from sop_executions
 where status = 'completed' and completed_at >= ? and completed_at < ?
 group by sop_id
 order by sop_id
