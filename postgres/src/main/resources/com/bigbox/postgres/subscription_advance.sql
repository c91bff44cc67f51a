-- Moves the checkpoint only while the epoch is still this owner's: no row updated means another instance took over.
update subscription_checkpoints
   set transaction_seq = ?, global_position = ?, updated_at = now()
 where subscription_name = ? and epoch = ?
