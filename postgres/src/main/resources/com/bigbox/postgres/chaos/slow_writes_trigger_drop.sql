drop trigger if exists chaos_slow_writes on events
