insert into engine_instances (instance_name, url, started_at, heartbeat_at, embedded_database, chaos_admin)
values (?, ?, ?, now(), ?, ?)
on conflict (instance_name) do update
   set url = excluded.url, started_at = excluded.started_at, heartbeat_at = now(),
       embedded_database = excluded.embedded_database, chaos_admin = excluded.chaos_admin
