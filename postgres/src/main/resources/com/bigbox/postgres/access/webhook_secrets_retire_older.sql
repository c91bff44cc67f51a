-- Retires all but the WebhookSecretStore.ACTIVE (2) newest unretired secrets.
update bigbox_access.webhook_secrets set retired_at = now()
 where retired_at is null
   and secret_id not in (select secret_id from bigbox_access.webhook_secrets
                          where retired_at is null order by secret_id desc limit 2)
