insert into bigbox_access.webhook_secrets (secret) values (?)
