delete from sop_proposals
