insert into bigbox_access.sign_in_attempts (account, failures, last_failure, locked_until) values (?, ?, ?, ?)
on conflict (account) do update
   set failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until
