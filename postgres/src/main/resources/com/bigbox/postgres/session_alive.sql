-- Fails when the session (and with it its advisory locks) is gone.
select 1
