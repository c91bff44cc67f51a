select user_id, email, password_hash, app_role, client_id, totp_secret, totp_enabled, created_at, updated_at,
       last_sign_in_at
  from bigbox_access.users where user_id = ?
