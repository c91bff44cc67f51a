-- The weekly review (review_automation_by_sop.sql, review_manual_work.sql) and the loops (completed_runs.sql,
-- step_records.sql) read the SOP executions and steps completed in a range of time; with no index on when
-- they completed, each read scanned every execution or step the history holds. The review reads a quarter:
-- once the history is longer than that, these are the ranges it reads.
create index if not exists idx_sop_executions_completed
  on public.sop_executions (completed_at) where status = 'completed';
create index if not exists idx_sop_execution_steps_completed
  on public.sop_execution_steps (completed_at) where status = 'completed';
