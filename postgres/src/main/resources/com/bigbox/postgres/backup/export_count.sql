-- How many events an export of a range (and since a time, if given) holds.
select count(*) from events
 where (transaction_seq, global_position) > (?, ?)
   and (transaction_seq, global_position) <= (?, ?)
   and "timestamp" >= coalesce(?::timestamptz, '-infinity')
