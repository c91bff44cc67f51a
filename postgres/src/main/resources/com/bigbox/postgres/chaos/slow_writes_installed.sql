select count(*) from pg_trigger where tgname = 'chaos_slow_writes'
