insert into bigbox_access.users (email, password_hash, app_role, client_id)
values (?, ?, ?, ?)
returning user_id, email, password_hash, app_role, client_id, totp_secret, totp_enabled, created_at, updated_at,
       last_sign_in_at
