-- Every SOP's versions, or one SOP's when the id is given.
select sop_id, version, definition::text as definition, checksum, created_at, activated_at, deactivated_at,
       previous_version, approval_mechanism, source
  from sop_definitions where (?::text is null or sop_id = ?) order by sop_id, version desc
