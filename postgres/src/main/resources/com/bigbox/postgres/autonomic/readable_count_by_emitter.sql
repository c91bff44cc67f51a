-- Events per emitter, counted from those the caller may read.
select emitted_by, count(*) from events group by emitted_by order by emitted_by
