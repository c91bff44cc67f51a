-- The tables and views of the public schema the current role may select from (some column of them).
select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
   and has_any_column_privilege(c.oid, 'SELECT')
