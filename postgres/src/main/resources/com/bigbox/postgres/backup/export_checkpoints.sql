-- Each subscription's last handled event among those exported (between the first and the last exported position).
select c.subscription_name, e.event_id, e.transaction_seq, e.global_position
  from subscription_checkpoints c
  cross join lateral (
    select event_id, transaction_seq, global_position from events
     where (transaction_seq, global_position) <= (c.transaction_seq, c.global_position)
       and (transaction_seq, global_position) <= (?, ?)
       and (transaction_seq, global_position) >= (?, ?)
     order by transaction_seq desc, global_position desc
     limit 1) e
 order by c.subscription_name
