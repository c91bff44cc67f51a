select count(*) filter (where status = 'running'),
       (select 1 - system_degradation from chaos_experiments
         where status = 'completed' and system_degradation is not null
         order by ended_at desc nulls last limit 1)::float8
  from chaos_experiments
