select pg_advisory_unlock(hashtext('bigbox.subscription'), hashtext(?))
