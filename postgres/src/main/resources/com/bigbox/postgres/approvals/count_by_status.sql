select status, count(*) from human_approvals group by status
