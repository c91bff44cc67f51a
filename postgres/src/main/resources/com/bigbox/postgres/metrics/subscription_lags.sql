select c.subscription_name, c.owner, c.transaction_seq, c.global_position,
       extract(epoch from now() - c.updated_at)::float8,
       (select count(*) from (
          select 1 from events e
           where (e.transaction_seq, e.global_position) > (c.transaction_seq, c.global_position)
           limit ?) behind)
  from subscription_checkpoints c
 order by c.subscription_name
