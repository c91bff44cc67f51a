update sop_proposals set status = ?, activated_version = coalesce(?, activated_version), decided_by = ?, decided_at = ?
 where proposal_id = ? and status = 'pending'
