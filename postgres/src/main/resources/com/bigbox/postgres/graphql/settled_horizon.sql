-- The transaction_seq below which every transaction has committed: events under it are safe to page past.
select events_settled_horizon()
