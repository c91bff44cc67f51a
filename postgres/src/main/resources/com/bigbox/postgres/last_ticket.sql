-- The commit-order sequence's last value: it moves when any writer, psql included, writes its first event.
select last_value from public.events_transaction_seq
