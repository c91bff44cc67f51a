select secret from bigbox_notify.channels where channel_id = ? and secret is not null
