insert into sop_definitions (sop_id, version, definition, created_at, activated_at, previous_version,
                             approval_mechanism, checksum, source)
values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
