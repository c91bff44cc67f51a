select max(ends_at) from chaos_faults where experiment_id = ?
