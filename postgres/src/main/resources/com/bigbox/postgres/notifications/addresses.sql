-- Role channels, the assignee's own, and those of the people who decide for a role (CEO users decide the CEO's).
with people as (
  select p.subject from bigbox_notify.preferences p where p.roles && ?::text[]
  union
  select 'user:' || u.email from bigbox_access.users u where u.app_role = 'ceo' and 'ceo' = any(?::text[]))
select channel_id, subject, kind, target from bigbox_notify.channels
 where subject = any(?::text[]) or subject in (select subject from people)
 order by subject, kind, target
