update improvement_signals set acknowledged_at = ?, acknowledged_by = ?, acknowledgement_id = ?
 where signal_id = ? and acknowledged_at is null
