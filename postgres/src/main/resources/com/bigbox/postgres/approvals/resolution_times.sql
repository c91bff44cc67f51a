-- The average hours from request to resolution, and the pending approvals past their timeout at a time.
select avg(extract(epoch from resolved_at - created_at)) / 3600.0,
       count(*) filter (where status = 'pending' and timeout_at < ?)
  from human_approvals
