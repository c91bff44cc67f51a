-- Events per type, counted from those the caller may read.
select event_type, count(*) from events group by event_type order by event_type
