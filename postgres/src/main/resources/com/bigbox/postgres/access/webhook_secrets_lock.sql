-- Rotations from two instances at once queue on this lock instead of retiring each other's secret.
select pg_advisory_xact_lock(hashtext('bigbox.webhook_secrets'))
