-- About how many events a rebuild reads, for its progress.
select count(*) from events
