update bigbox_access.users set totp_enabled = false, totp_secret = null, totp_last_step = null, updated_at = now()
 where user_id = ?
