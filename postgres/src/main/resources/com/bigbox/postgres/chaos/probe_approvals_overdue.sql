select count(*) from human_approvals where status = 'pending' and timeout_at < now() - ?::interval
