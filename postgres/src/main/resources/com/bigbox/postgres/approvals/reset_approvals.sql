-- The comments and the audit trail go with their approvals (on delete cascade).
delete from human_approvals
