-- The dashboard's SQL console (POST /api/v1/dashboard/sql) runs an administrator's query through this
-- function, in a read-only transaction opened as the administrator with a statement timeout. The
-- function is what keeps the text one read-only query under the caller's role:
--  * RETURN QUERY EXECUTE opens the text as a cursor, so it must be exactly one query: no second
--    statement, no utility command (SET ROLE, COMMIT, ...), no INSERT/UPDATE/DELETE.
--  * STABLE: PL/pgSQL runs it with a read-only SPI, which refuses anything that writes.
--  * SECURITY DEFINER owned by authenticated: the query runs as authenticated, the role a user's token
--    maps to, so row-level security decides as on every request of that user; and inside a
--    security-definer function PostgreSQL refuses set_config('role' | 'session_authorization', ...),
--    so the query cannot take the rights of the engine's own login role.
create schema if not exists bigbox_dashboard;
revoke all on schema bigbox_dashboard from public;
grant usage on schema bigbox_dashboard to authenticated;

create or replace function bigbox_dashboard.console_query(p_sql text, p_max_rows integer)
  returns setof json
  language plpgsql stable
  security definer
  set search_path = public
  as $$
begin
  -- The newlines keep a trailing "--" comment in p_sql from swallowing the wrapper.
  return query execute format(E'select to_json(console_row) from (\n%s\n) as console_row limit %s', p_sql, p_max_rows);
end
$$;

-- A role may own a function only in a schema it can create in (unless a superuser moves it).
grant create on schema bigbox_dashboard to authenticated;
alter function bigbox_dashboard.console_query(text, integer) owner to authenticated;
revoke create on schema bigbox_dashboard from authenticated;
revoke all on function bigbox_dashboard.console_query(text, integer) from public;
grant execute on function bigbox_dashboard.console_query(text, integer) to authenticated;
