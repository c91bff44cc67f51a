update bigbox_access.recovery_codes set used_at = now()
 where user_id = ? and code_hash = ? and used_at is null
