-- The SOP whose execution runs the flow: its escalation rules and time restrictions as stored.
select d.sop_id, (d.definition -> 'escalation_rules')::text as rules,
       (d.definition -> 'automation_policy' -> 'time_restrictions')::text as restrictions
  from sop_executions x join sop_definitions d on d.sop_id = x.sop_id and d.version = x.sop_version
 where x.correlation_id = ? order by x.started_at desc limit 1
