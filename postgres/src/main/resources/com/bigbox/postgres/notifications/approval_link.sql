select link_id, approval_id, subject, decidable, expires_at, used_at is not null as used
  from bigbox_notify.approval_links where link_id = ?
