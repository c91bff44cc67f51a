-- One approval by id.
select approval_id, event_id, agent_id, decision_context::text as decision_context, recommended_action, confidence,
       status, timeout_at, resolved_at, resolved_by, resolution_notes, created_at, client_id, correlation_id,
       decision_event_type, evidence, action_class, assigned_role, assigned_to, priority, escalation_level,
       required_approvals, approved_by, silence_approves, info_requested, last_reminded_at, reminders_sent,
       modifications::text as modifications, resolution, updated_at
  from human_approvals where approval_id = ?
