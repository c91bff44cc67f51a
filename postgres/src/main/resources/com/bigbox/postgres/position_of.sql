-- The commit-order position of the event with a global position.
select transaction_seq, global_position from events where global_position = ?
