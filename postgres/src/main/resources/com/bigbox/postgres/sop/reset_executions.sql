-- Steps go with their executions (on delete cascade).
delete from sop_executions
