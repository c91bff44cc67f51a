-- The whole row, as the fold of its events made it: inserted once, then updated change by change.
insert into human_approvals (approval_id, event_id, agent_id, decision_context, recommended_action, confidence,
    status, timeout_at, resolved_at, resolved_by, resolution_notes, created_at, client_id, correlation_id,
    decision_event_type, evidence, action_class, assigned_role, assigned_to, priority, escalation_level,
    required_approvals, approved_by, silence_approves, info_requested, last_reminded_at, reminders_sent,
    modifications, resolution, updated_at)
values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
on conflict (approval_id) do update set
    status = excluded.status, timeout_at = excluded.timeout_at, resolved_at = excluded.resolved_at,
    resolved_by = excluded.resolved_by, resolution_notes = excluded.resolution_notes,
    assigned_role = excluded.assigned_role, assigned_to = excluded.assigned_to, priority = excluded.priority,
    escalation_level = excluded.escalation_level, approved_by = excluded.approved_by,
    info_requested = excluded.info_requested, last_reminded_at = excluded.last_reminded_at,
    reminders_sent = excluded.reminders_sent, modifications = excluded.modifications,
    resolution = excluded.resolution, updated_at = excluded.updated_at
