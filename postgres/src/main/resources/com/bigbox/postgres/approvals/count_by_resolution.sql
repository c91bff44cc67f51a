-- Resolved approvals by resolution, from the counters the human_approvals trigger keeps (V81).
select key, approvals from approval_counts('resolution')
