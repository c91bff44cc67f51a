select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id) where f.experiment_id = ?
