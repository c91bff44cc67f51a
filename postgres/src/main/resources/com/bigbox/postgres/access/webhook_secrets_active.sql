-- The accepted secrets, newest first: the WebhookSecretStore.ACTIVE (2) newest that are not retired.
select secret from bigbox_access.webhook_secrets where retired_at is null order by secret_id desc limit 2
