select instance_name, url, started_at, heartbeat_at, embedded_database, chaos_admin
  from engine_instances where heartbeat_at > now() - ?::interval order by instance_name
