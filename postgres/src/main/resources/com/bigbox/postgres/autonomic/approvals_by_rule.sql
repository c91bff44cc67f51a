-- How many approvals each oversight rule asked for (counters, V81).
select key, approvals from approval_counts('rule')
