select sop_id, version, definition::text as definition, checksum, created_at, activated_at, deactivated_at,
       previous_version, approval_mechanism, source
  from sop_definitions where sop_id = ? and deactivated_at is null and activated_at is not null
