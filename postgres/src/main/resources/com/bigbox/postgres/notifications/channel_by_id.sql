select channel_id, subject, kind, target from bigbox_notify.channels where channel_id = ?
