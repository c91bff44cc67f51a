-- What the engine decided alone and what people decided, over a time range: whole days from the per-day
-- projections, the part days at the ends from the log (V79).
select * from autonomy_report_between(?, ?)
