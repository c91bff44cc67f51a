update bigbox_access.refresh_tokens set revoked_at = now() where token_hash = ?
