delete from engine_instances where instance_name = ? and started_at = ?
