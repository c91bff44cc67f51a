delete from bigbox_notify.channels where channel_id = ? and (?::text is null or subject = ?)
