-- A security-definer function (V10): callers read the status without rights on checkpoints or locks.
select name, owner, running, global_position, lag, updated_at from subscription_status(?::text[])
