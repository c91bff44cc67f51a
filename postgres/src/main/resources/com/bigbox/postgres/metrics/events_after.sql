select count(*) from (
  select 1 from events
   where (transaction_seq, global_position) > (?, ?)
   limit ?) behind
