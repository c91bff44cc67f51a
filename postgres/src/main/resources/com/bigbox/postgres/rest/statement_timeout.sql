-- PostgREST's statement timeout for a /rest/v1 request.
set local statement_timeout = '15s'
