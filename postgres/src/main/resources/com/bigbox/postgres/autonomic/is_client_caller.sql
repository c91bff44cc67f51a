-- A caller whose token names a client (tenancy) sees only its client's events: the projection
-- (V71) counts every client's, so that caller is answered from the log under its policies.
select (auth.jwt() ->> 'client_id') is not null
