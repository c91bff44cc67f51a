-- What is given changes (null: unchanged); the second parameter says whether the third (client_id) applies.
update bigbox_access.users
   set app_role = coalesce(?, app_role), client_id = case when ? then ? else client_id end,
       password_hash = coalesce(?, password_hash), updated_at = now()
 where user_id = ?
returning user_id, email, password_hash, app_role, client_id, totp_secret, totp_enabled, created_at, updated_at,
       last_sign_in_at
