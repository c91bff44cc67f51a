-- Subscriptions run by a live instance: one whose owner is gone (or whose code was removed) cannot catch up.
select c.subscription_name,
       (select count(*) from (
          select 1 from events e
           where (e.transaction_seq, e.global_position) > (c.transaction_seq, c.global_position)
           limit 1000000) behind)
  from subscription_checkpoints c
  join engine_instances i on i.instance_name = c.owner
 where i.heartbeat_at > now() - ?::interval
 order by c.subscription_name
