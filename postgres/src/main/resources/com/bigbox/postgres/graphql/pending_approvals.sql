-- The oldest pending approvals first.
select approval_id, event_id, agent_id, decision_context::text, recommended_action, confidence, status, timeout_at,
       resolved_at, resolved_by, resolution_notes, created_at
  from human_approvals where status = 'pending' order by created_at, approval_id limit ?
