select exists (select 1 from bigbox_access.refresh_tokens where session_id = ? and revoked_at is null and expires_at > now())
