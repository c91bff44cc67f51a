-- Two loaders of one SOP take turns, so they never both insert a version (or one the other just loaded).
select pg_advisory_xact_lock(hashtext('bigbox.sop'), hashtext(?))
