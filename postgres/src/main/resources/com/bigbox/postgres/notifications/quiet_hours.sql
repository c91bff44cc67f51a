select quiet_from, quiet_until, time_zone, ceo_interrupts_override from bigbox_notify.preferences
 where subject = ? and quiet_from is not null
