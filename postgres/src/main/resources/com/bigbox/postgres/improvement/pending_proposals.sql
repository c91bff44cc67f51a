select distinct sop_id from sop_proposals where status = 'pending'
