insert into sop_proposals (proposal_id, sop_id, from_version, to_document_version, changes, expected_monthly_impact,
                           mechanism, proposed_at)
values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
on conflict (proposal_id) do nothing
