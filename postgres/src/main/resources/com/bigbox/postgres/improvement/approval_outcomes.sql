-- Agents' decisions that a person (or silence) resolved since the given time, oldest first, with the
-- decision's event type (thresholds are calibrated per agent and decision type).
select a.approval_id, a.event_id, a.agent_id,
       coalesce(d.event_type, a.decision_context->>'decision_event_type') as decision_type,
       a.confidence, a.resolution, a.resolved_by, a.resolved_at
  from human_approvals a
  left join events d on d.event_id = a.event_id
 where a.agent_id = any(?) and a.resolution in ('approved', 'modified', 'rejected', 'approved_by_silence')
   and a.resolved_at >= ?
 order by a.resolved_at, a.approval_id
