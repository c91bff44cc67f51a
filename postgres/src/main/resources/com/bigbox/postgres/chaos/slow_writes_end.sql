update chaos_database_faults set ends_at = greatest(now(), starts_at + interval '1 millisecond') where ends_at > now()
