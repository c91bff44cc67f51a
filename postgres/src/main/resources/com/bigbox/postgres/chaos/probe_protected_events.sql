select (select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id)
          join events e on e.event_id = h.event_id
         where f.experiment_id = ? and e.event_type = any(?)) as protected_hits,
       (select count(*) from events where event_id = any(?::uuid[]) and event_type = any(?)) as protected_events,
       (select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id) where f.experiment_id = ?) as hits
