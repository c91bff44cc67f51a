select count(*) filter (where status = 'pending'),
       count(*) filter (where status = 'pending' and timeout_at < now())
  from human_approvals
