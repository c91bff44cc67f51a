insert into bigbox_access.refresh_tokens (token_hash, user_id, session_id, expires_at) values (?, ?, ?, ?)
