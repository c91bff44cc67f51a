insert into bigbox_notify.preferences (subject, roles, quiet_from, quiet_until, time_zone, ceo_interrupts_override)
values (?, ?, ?, ?, ?, ?)
on conflict (subject) do update set roles = excluded.roles, quiet_from = excluded.quiet_from,
       quiet_until = excluded.quiet_until, time_zone = excluded.time_zone,
       ceo_interrupts_override = excluded.ceo_interrupts_override, updated_at = now()
