-- Events in a database that may not have the schema yet (then 0), counted up to a million.
select case when to_regclass('public.events') is null then 0
            else (select count(*) from (select 1 from public.events limit 1000000) e) end
