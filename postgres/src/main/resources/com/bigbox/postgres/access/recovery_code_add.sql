insert into bigbox_access.recovery_codes (user_id, code_hash) values (?, ?)
