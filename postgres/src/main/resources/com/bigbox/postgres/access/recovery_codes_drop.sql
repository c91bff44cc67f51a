delete from bigbox_access.recovery_codes where user_id = ?
