select channel_id, subject, kind, target from bigbox_notify.channels
 where (?::text is null or subject = ?) order by subject, kind, target
