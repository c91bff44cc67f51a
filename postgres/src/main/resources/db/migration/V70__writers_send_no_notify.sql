-- Writers send no NOTIFY: a transaction that sends one holds the cluster's notify lock from its
-- pre-commit until its commit record is flushed, so notifying writers commit one at a time and
-- cannot share a WAL flush (8 psql writers ran at 0.41x an untriggered copy of events). Every
-- engine instance now learns of a foreign writer from the commit-order sequence, which its LISTEN
-- session reads every 25 ms (PgNotificationListener, TicketWatch); the engine's own commits are
-- still announced by one coalesced NOTIFY, sent after commit from an asynchronously committing
-- session (PgNotifier). See docs/ordering.md, "Wake-ups".
drop trigger if exists events_notify on public.events;
drop function if exists public.events_notify();
