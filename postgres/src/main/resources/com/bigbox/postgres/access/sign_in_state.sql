select failures, last_failure, locked_until from bigbox_access.sign_in_attempts where account = ?
