-- One instance at a time prunes; the others skip the round.
delete from bigbox_access.row_changes
 where pg_try_advisory_xact_lock(hashtext('bigbox.row_changes.prune'))
   and captured_at < now() - make_interval(secs => ?)
