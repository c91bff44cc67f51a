select user_id, session_id, expires_at, revoked_at from bigbox_access.refresh_tokens where token_hash = ? for update
