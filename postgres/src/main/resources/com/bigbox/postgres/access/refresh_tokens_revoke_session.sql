update bigbox_access.refresh_tokens set revoked_at = coalesce(revoked_at, now()) where session_id = ?
