-- One administrator's query through the function that admits exactly one query (migration V49): at most the
-- given number of rows, each a JSON object in column order.
select console_query from bigbox_dashboard.console_query(?, ?)
