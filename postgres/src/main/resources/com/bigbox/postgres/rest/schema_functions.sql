-- The public schema's functions an API call may name (not trigger or internal ones), overloads in creation order.
select p.proname, p.proargnames, p.proargmodes, p.proallargtypes::regtype[]::text[],
       p.proargtypes::regtype[]::text[], p.pronargdefaults, format_type(p.prorettype, null), p.proretset,
       p.provolatile
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
 where n.nspname = 'public' and p.prokind = 'f'
   and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype, 'internal'::regtype)
 order by p.proname, p.oid
