-- The average hours from request to resolution (counters, V81), and the pending approvals past their timeout
-- at a time (a range of idx_human_approvals_status: the pending ones only).
select sum(c.resolved_seconds) / nullif(sum(c.resolved), 0) / 3600.0,
       (select count(*) from human_approvals where status = 'pending' and timeout_at < ?)
  from approval_counts('status') c
