-- A code's time step is accepted once: a code seen at sign-in cannot be replayed.
update bigbox_access.users set totp_last_step = ?
 where user_id = ? and totp_enabled and (totp_last_step is null or totp_last_step < ?)
