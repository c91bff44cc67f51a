-- One import at a time: two would race for the same sequence numbers.
select pg_advisory_xact_lock(hashtext('bigbox.import'))
