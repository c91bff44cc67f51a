-- A subscription the database does not know yet starts where the source's stood; a known one is left alone.
insert into subscription_checkpoints (subscription_name, transaction_seq, global_position, owner, epoch)
select ?, transaction_seq, global_position, 'import', 0 from events where event_id = ?
on conflict (subscription_name) do nothing
