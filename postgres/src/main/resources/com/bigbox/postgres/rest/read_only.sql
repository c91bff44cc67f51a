-- A /rest/v1 GET or HEAD: PostgREST runs reads in a read-only transaction.
set transaction read only
