-- The oldest open transaction that has written events (it holds the events' advisory lock): the commit-safe read
-- cannot pass it.
select a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch from now() - a.xact_start)::bigint
  from pg_locks l join pg_stat_activity a on a.pid = l.pid
 where l.locktype = 'advisory' and l.objsubid = 1 and l.classid = 1650589696 and l.objid = 0
   and l.database = (select oid from pg_database where datname = current_database())
 order by a.xact_start
 limit 1
