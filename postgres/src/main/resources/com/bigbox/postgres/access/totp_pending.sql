update bigbox_access.users set totp_secret = ?, totp_enabled = false, totp_last_step = null, updated_at = now()
 where user_id = ? and not totp_enabled
