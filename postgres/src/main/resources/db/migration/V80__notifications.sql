-- Notifications: the channels that reach roles and people, people's quiet hours and the roles they
-- decide for, and the single-use links a message carries. A schema of their own, granted to no API
-- role (default deny): only the engine reads and writes them, and the routes that manage them check
-- the caller themselves (docs/notifications.md). Deliveries themselves are scheduled_jobs rows and
-- NOTIFICATION_SENT / NOTIFICATION_FAILED events; nothing here duplicates them.

create schema if not exists bigbox_notify;
revoke all on schema bigbox_notify from public;
revoke all on schema bigbox_notify from anon, authenticated, service_role;

-- A channel reaches a role (role:manager, e.g. a team's Slack) or a person (user:<e-mail>).
create table if not exists bigbox_notify.channels (
  channel_id uuid primary key default gen_random_uuid(),
  subject    text not null check (subject ~ '^(role|user):[^[:space:]]+$' and length(subject) <= 330),
  kind       text not null check (kind in ('email', 'slack', 'webhook')),
  target     text not null check (length(target) <= 2000),
  secret     text check (secret is null or length(secret) >= 16),
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint channels_target_shape check (case kind when 'email' then target ~ '^[^@[:space:]]+@[^@[:space:]]+$'
                                                    else target ~ '^https?://[^[:space:]]+$' end),
  constraint channels_webhook_signed check (kind <> 'webhook' or secret is not null),
  constraint channels_unique unique (subject, kind, target)
);

-- A person's quiet hours (in their time zone) and the approval roles they decide for.
create table if not exists bigbox_notify.preferences (
  subject                 text primary key check (subject ~ '^user:[^[:space:]]+$'),
  roles                   text[] not null default '{}',
  quiet_from              time,
  quiet_until             time,
  time_zone               text not null default 'UTC',
  ceo_interrupts_override boolean not null default true,
  updated_at              timestamptz not null default now(),
  check ((quiet_from is null) = (quiet_until is null)),
  check (quiet_from is null or quiet_from <> quiet_until)
);
create index if not exists idx_preferences_roles on bigbox_notify.preferences using gin (roles);

-- The links messages carry: the token signs link_id and expires_at; the row makes it single-use.
create table if not exists bigbox_notify.approval_links (
  link_id     uuid primary key,
  approval_id uuid not null,
  subject     text not null,
  decidable   boolean not null,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  used_by     text,
  created_at  timestamptz not null default now()
);
create index if not exists idx_approval_links_expires on bigbox_notify.approval_links (expires_at);
