-- Which of the tables, views and functions each API role has any privilege on (migration V50's rules decide).
select r.rolname, c.relname
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  cross join pg_roles r
 where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
   and r.rolname in ('anon', 'authenticated', 'bigbox_staff', 'service_role')
   and has_table_privilege(r.oid, c.oid, 'select, insert, update, delete')
union
select r.rolname, p.proname
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  cross join pg_roles r
 where n.nspname = 'public' and p.prokind = 'f'
   and r.rolname in ('anon', 'authenticated', 'bigbox_staff', 'service_role')
   and has_function_privilege(r.oid, p.oid, 'execute')
