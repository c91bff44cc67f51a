-- Appends waiting longer than the given seconds for a lock: on the gate every writer takes shared (an exclusive holder,
-- such as a session-level pg_advisory_lock of the key, stops them all; V1's events_transaction_seq), or on the
-- rows and tables they write. How many, for how long the oldest waits, and who holds them up.
select count(distinct l.pid), coalesce(extract(epoch from now() - min(l.waitstart)), 0),
       array(select distinct b from pg_locks w, unnest(pg_blocking_pids(w.pid)) b
              where w.pid = any(array_agg(l.pid)))
  from pg_locks l
 where not l.granted and l.waitstart < now() - make_interval(secs => ?)
   and l.database = (select oid from pg_database where datname = current_database())
   and ((l.locktype = 'advisory' and l.classid = 1650589696 and l.objid = 0 and l.objsubid = 1)
        or l.relation in ('public.events'::regclass, 'public.event_streams'::regclass))
