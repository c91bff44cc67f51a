insert into bigbox_notify.approval_links (link_id, approval_id, subject, decidable, expires_at) values (?, ?, ?, ?, ?)
