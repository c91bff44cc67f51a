-- The exported timestamps are written in UTC, whatever the server's time zone (this transaction only).
set local time zone 'UTC'
