select resolution, count(*) from human_approvals where resolution is not null group by resolution
