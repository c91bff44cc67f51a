-- The agent's mean confidence over the 30 days: its confidences' sum over their count (days weigh as
-- much as they hold); rows written without the sums (by hand) fall back to their daily mean; null
-- without a row in the window. Escalations and events processed are totals over every row kept, so
-- they only grow and Prometheus can rate() them as the counters they are.
select agent_id,
       (coalesce(sum(confidence_sum) filter (where recent) / nullif(sum(confidence_count) filter (where recent), 0),
                 avg(avg_confidence) filter (where recent)))::float8,
       coalesce(sum(human_escalations), 0), coalesce(sum(events_processed), 0)
  from (select *, window_start >= now() - interval '30 days' as recent from agent_metrics) m
 group by agent_id order by agent_id
