-- The approvals a filter matches (a null filter value matches all), most urgent first, one page.
select approval_id, event_id, agent_id, decision_context::text as decision_context, recommended_action, confidence,
       status, timeout_at, resolved_at, resolved_by, resolution_notes, created_at, client_id, correlation_id,
       decision_event_type, evidence, action_class, assigned_role, assigned_to, priority, escalation_level,
       required_approvals, approved_by, silence_approves, info_requested, last_reminded_at, reminders_sent,
       modifications::text as modifications, resolution, updated_at
  from human_approvals
 where (?::text is null or status = ?)
   and (?::text is null or agent_id = ?)
   and (?::text is null or action_class = ?)
   and (?::text is null or assigned_role = ?)
   and (?::text is null or assigned_to = ?)
   and (?::text is null or priority = ?)
   and (?::text is null or client_id = ?)
   and (?::numeric is null or confidence <= ?)
   and (?::text is null or decision_event_type = ?)
 order by case priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, created_at,
          approval_id
 limit ? offset ?
