-- Every column of the public schema's tables and views, with whether it is part of the primary key.
select c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
       not a.attnotnull, a.atthasdef or a.attidentity <> '', a.attidentity = 'a' or a.attgenerated <> '',
       coalesce(a.attnum = any(i.indkey), false)
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  join pg_type t on t.oid = a.atttypid
  left join pg_index i on i.indrelid = c.oid and i.indisprimary
 where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
 order by c.relname, a.attnum
