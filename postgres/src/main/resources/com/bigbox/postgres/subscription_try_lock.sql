-- The session lock that makes one instance the runner of a subscription (by name); false: another holds it.
select pg_try_advisory_lock(hashtext('bigbox.subscription'), hashtext(?))
