select transaction_seq, change_id from bigbox_access.row_changes_head() where transaction_seq is not null
