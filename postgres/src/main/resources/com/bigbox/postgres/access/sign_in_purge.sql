delete from bigbox_access.sign_in_attempts where last_failure < ? and (locked_until is null or locked_until < ?)
