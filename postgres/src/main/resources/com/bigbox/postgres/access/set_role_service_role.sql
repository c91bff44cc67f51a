set local role service_role
