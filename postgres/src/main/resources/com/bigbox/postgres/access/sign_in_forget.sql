delete from bigbox_access.sign_in_attempts where account = ?
