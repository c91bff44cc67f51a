update bigbox_access.users set last_sign_in_at = now() where user_id = ?
