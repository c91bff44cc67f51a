update bigbox_notify.approval_links set used_at = ?, used_by = ? where link_id = ? and used_at is null
