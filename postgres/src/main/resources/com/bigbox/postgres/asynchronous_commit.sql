-- This session's commits do not wait for their WAL flush (its NOTIFY carries no data that could be lost).
set synchronous_commit = off
