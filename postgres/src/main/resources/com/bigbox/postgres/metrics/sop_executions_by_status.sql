select sop_id, status, count(*) from sop_executions group by sop_id, status order by sop_id, status
