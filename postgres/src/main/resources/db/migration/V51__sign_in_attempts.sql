-- Failed sign-ins per account (issue 10, item 8), kept in the database so every engine instance counts
-- the same guesses and sees the same lock. The account is the SHA-256 of the normalised e-mail: e-mails
-- that belong to nobody are counted exactly like real ones (so answers do not reveal which exist),
-- without keeping what an attacker typed. A row exists only while an account has failures; a success or
-- an administrator's unlock deletes it. Engine-internal: no API role sees or changes it.
create table if not exists bigbox_access.sign_in_attempts (
  account      text primary key check (account ~ '^[0-9a-f]{64}$'),
  failures     integer not null check (failures > 0),
  last_failure timestamptz not null,
  locked_until timestamptz
);

-- Rows of accounts that stopped failing and are not locked are kept only as long as they matter.
create index if not exists sign_in_attempts_last_failure on bigbox_access.sign_in_attempts (last_failure);

select bigbox_access.declare_rules($rules$[
  ["bigbox_access", "sign_in_attempts", "table", "", "", "", "", "", null]
]$rules$);
