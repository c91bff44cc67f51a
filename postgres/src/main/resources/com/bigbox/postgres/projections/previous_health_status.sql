select health_status from client_health where client_id = ? for update
