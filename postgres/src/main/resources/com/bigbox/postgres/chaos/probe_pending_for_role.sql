select approval_id from human_approvals
 where status = 'pending' and assigned_role = ? and correlation_id = any(?::uuid[]) order by created_at
