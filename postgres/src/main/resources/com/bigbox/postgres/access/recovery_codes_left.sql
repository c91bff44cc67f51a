select count(*) from bigbox_access.recovery_codes where user_id = ? and used_at is null
