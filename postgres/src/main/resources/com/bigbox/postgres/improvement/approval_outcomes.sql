-- Agents' decisions that a person (or silence) resolved since the given time, oldest first.
select approval_id, event_id, agent_id, confidence, resolution, resolved_by, resolved_at
  from human_approvals
 where agent_id = any(?) and resolution in ('approved', 'modified', 'rejected', 'approved_by_silence')
   and resolved_at >= ?
 order by resolved_at, approval_id
