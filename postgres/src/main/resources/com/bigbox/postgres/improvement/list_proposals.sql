select p.proposal_id, p.sop_id, p.from_version, p.to_document_version, p.changes, p.expected_monthly_impact, p.mechanism,
       p.status, p.activated_version, p.decided_by, p.proposed_at, p.decided_at, a.approval_id, a.timeout_at
  from sop_proposals p
  left join human_approvals a on a.event_id = p.proposal_id
 where (?::text is null or p.status = ?)
 order by p.proposed_at desc, p.proposal_id
 limit ?
