-- The first decision of a flow (correlation id) still waiting for a person.
select a.approval_id, a.assigned_role, a.recommended_action from human_approvals a
  join events e on e.event_id = a.event_id
 where e.correlation_id = ? and a.status = 'pending' order by a.created_at limit 1
