update subscription_checkpoints set transaction_seq = ?, global_position = ?, updated_at = now()
 where subscription_name = ?
