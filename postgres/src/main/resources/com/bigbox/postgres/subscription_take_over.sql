-- This instance takes the subscription's checkpoint over: a new epoch fences off the previous owner's writes.
insert into subscription_checkpoints as c (subscription_name, transaction_seq, global_position, owner, epoch)
values (?, ?, ?, ?, 1)
on conflict (subscription_name)
do update set owner = excluded.owner, epoch = c.epoch + 1, updated_at = now()
returning c.transaction_seq, c.global_position, c.epoch
