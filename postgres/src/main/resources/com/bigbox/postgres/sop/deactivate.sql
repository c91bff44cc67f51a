update sop_definitions set deactivated_at = ? where sop_id = ? and deactivated_at is null
