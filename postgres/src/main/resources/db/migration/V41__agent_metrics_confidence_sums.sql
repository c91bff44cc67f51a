-- Operations: agent_metrics keeps the sum and the count of its day's confidences, so an agent's
-- confidence over any span (e.g. the 30 days of /metrics) is their ratio, not a mean of daily means.
-- Filled by the agent_metrics projection; `bigbox replay --projection agent_metrics` fills older rows.
alter table public.agent_metrics
  add column if not exists confidence_sum   numeric(14,4) not null default 0,
  add column if not exists confidence_count integer not null default 0;
