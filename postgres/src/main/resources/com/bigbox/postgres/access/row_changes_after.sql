select transaction_seq, change_id, table_name, op, row_key, record::text, old_record::text, captured_at
  from bigbox_access.row_changes_after(?, ?, ?)
