insert into chaos_fault_hits (fault_id, subscription, event_id, effect, instance) values (?, ?, ?, ?, ?)
on conflict do nothing
