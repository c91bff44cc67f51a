-- The position of the last settled event (no open writer can still commit one before it); no row: an empty log.
select transaction_seq, global_position from events_head() where transaction_seq is not null
