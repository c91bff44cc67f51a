select coalesce(max(version), 0) + 1 from sop_definitions where sop_id = ?
