-- How many approvals each oversight rule asked for.
select coalesce(decision_context ->> 'rule', 'unknown') as rule, count(*) as approvals
  from human_approvals group by 1 order by 1
