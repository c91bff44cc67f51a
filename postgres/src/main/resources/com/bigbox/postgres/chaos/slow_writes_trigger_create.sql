-- The trigger function (migration V40) sleeps while a slow_writes row of chaos_database_faults is in force.
create trigger chaos_slow_writes before insert on events for each statement execute function chaos_slow_writes()
