-- One continuous export per directory across the cluster: a session lock, released when the round's session closes.
select pg_try_advisory_lock(hashtext('bigbox.export'), hashtext(?))
