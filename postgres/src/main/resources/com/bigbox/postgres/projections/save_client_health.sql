insert into client_health (client_id, last_event_at, events_last_30d, meetings_last_30d, avg_response_time_hours,
    quality_score, nps_score, revenue_30d, margin_30d, trust_score, automation_rate, proactive_interventions,
    health_status, health_reasons, updated_at)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
on conflict (client_id) do update set
    last_event_at = excluded.last_event_at, events_last_30d = excluded.events_last_30d,
    meetings_last_30d = excluded.meetings_last_30d, avg_response_time_hours = excluded.avg_response_time_hours,
    quality_score = excluded.quality_score, nps_score = excluded.nps_score, revenue_30d = excluded.revenue_30d,
    margin_30d = excluded.margin_30d, trust_score = excluded.trust_score, automation_rate = excluded.automation_rate,
    proactive_interventions = excluded.proactive_interventions, health_status = excluded.health_status,
    health_reasons = excluded.health_reasons, updated_at = excluded.updated_at
