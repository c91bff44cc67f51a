-- Per SOP version and step: how often it was performed, by a person, and approved unchanged.
select x.sop_id, x.sop_version, s.step_id, s.automation_level,
       count(*) as performed,
       count(*) filter (where not s.automated) as by_person,
       count(*) filter (where not s.automated and a.resolution in ('approved', 'approved_by_silence')) as agreed,
       coalesce(avg(s.human_minutes) filter (where not s.automated), 0) as human_minutes,
       coalesce((array_agg(s.completing_event_id order by s.completed_at desc)
                 filter (where a.resolution in ('approved', 'approved_by_silence')))[1:100], '{}') as evidence
  from sop_execution_steps s
  join sop_executions x on x.execution_id = s.execution_id
  left join human_approvals a on a.event_id = s.completing_event_id
 where s.status = 'completed' and s.completed_at >= ?
 group by x.sop_id, x.sop_version, s.step_id, s.automation_level
