select row_to_json(c)::text from chaos_experiments c where experiment_id = ?
