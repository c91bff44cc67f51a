select audit_id, approval_id, action, actor, from_status, to_status, details::text as details, at
  from human_approval_audit where approval_id = ? order by audit_id
