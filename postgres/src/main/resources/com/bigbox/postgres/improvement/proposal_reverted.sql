update sop_proposals set status = 'reverted', decided_by = ?, decided_at = ?
 where sop_id = ? and activated_version = ? and status = 'activated'
