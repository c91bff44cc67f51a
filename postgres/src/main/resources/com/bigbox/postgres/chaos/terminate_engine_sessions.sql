select count(pg_terminate_backend(pid)) from pg_stat_activity
 where datname = current_database() and pid <> pg_backend_pid()
   and application_name like 'bigbox-%' and application_name not like 'bigbox-chaos%'
