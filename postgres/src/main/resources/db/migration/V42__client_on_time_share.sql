-- The Client Autonomy Mirror's on-time share: SOP runs of a client that finished within their SOP's
-- cycle-time target. Tenancy hides sop_definitions from a client's token (they carry internal costs and
-- rules), so a client's own query could never see the targets. This function reads them with its
-- owner's rights and returns only two counts, and only for the caller's own client: a token with a
-- client_id claim gets nothing for any other client; staff tokens (no claim) get any client's counts,
-- as the tables' own policies already let them.
create or replace function bigbox_access.client_on_time(p_client_id text)
  returns table (on_time bigint, completed bigint)
  language sql stable security definer
  set search_path = public, pg_temp
  as $$
    select count(*) filter (where x.cycle_time_hours <= (d.definition -> 'metrics' ->> 'cycle_time_target_hours')::numeric),
           count(*)
      from public.sop_executions x
      join public.sop_definitions d on d.sop_id = x.sop_id and d.version = x.sop_version
     where x.client_id = p_client_id and x.status = 'completed'
       and jsonb_typeof(d.definition -> 'metrics' -> 'cycle_time_target_hours') = 'number'
       and (auth.jwt() ->> 'client_id' is null or auth.jwt() ->> 'client_id' = p_client_id)
  $$;

revoke all on function bigbox_access.client_on_time(text) from public;
grant execute on function bigbox_access.client_on_time(text) to authenticated, service_role;
