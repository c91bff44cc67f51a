delete from bigbox_access.users where user_id = ?
