update chaos_faults set ends_at = greatest(now(), starts_at + interval '1 millisecond')
 where experiment_id = ? and ends_at > now()
