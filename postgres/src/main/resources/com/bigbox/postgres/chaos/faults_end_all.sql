-- Ends every fault in force, whichever experiment declared it.
update chaos_faults set ends_at = greatest(now(), starts_at + interval '1 millisecond') where ends_at > now()
