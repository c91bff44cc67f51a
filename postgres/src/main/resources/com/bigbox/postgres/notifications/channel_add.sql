insert into bigbox_notify.channels (subject, kind, target, secret, created_by) values (?, ?, ?, ?, ?)
on conflict (subject, kind, target) do update set secret = excluded.secret
returning channel_id, subject, kind, target
