select resilience_score from chaos_experiments
 where status = 'completed' and resilience_score is not null
 order by ended_at desc limit ?
