-- Approvals by status, from the counters the human_approvals trigger keeps (V81).
select key, approvals from approval_counts('status')
