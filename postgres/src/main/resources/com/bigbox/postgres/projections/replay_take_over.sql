insert into subscription_checkpoints as c (subscription_name, transaction_seq, global_position, owner, epoch)
values (?, 0, 0, 'replay', 1)
on conflict (subscription_name) do update set owner = 'replay', epoch = c.epoch + 1, updated_at = now()
