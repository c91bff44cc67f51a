-- The seed's "SOP execution metrics" query, with the targets the SOPs set.
select x.sop_id, count(*) as executions, round(avg(x.cycle_time_hours), 2) as avg_cycle_time_hours,
       round(avg(x.automation_rate), 2) as avg_automation_rate, round(sum(x.human_hours), 2) as human_hours,
       round(sum(x.estimated_cost), 2) as total_cost,
       max((d.definition -> 'metrics' ->> 'cycle_time_target_hours')) as cycle_time_target_hours,
       max((d.definition -> 'metrics' ->> 'automation_rate_target')) as automation_rate_target,
       max((d.definition -> 'metrics' ->> 'cost_per_execution_target')) as cost_per_execution_target
  from sop_executions x
  left join sop_definitions d on d.sop_id = x.sop_id and d.version = x.sop_version
 where x.status = 'completed' and (?::text is null or x.sop_id = ?)
 group by x.sop_id order by x.sop_id
