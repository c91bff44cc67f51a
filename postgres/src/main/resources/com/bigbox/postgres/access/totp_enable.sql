update bigbox_access.users set totp_enabled = true, totp_last_step = ?, updated_at = now()
 where user_id = ? and totp_secret is not null and not totp_enabled
