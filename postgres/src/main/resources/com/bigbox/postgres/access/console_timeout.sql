-- The console query's statement timeout, for this transaction only (e.g. '5000ms').
select set_config('statement_timeout', ?, true)
