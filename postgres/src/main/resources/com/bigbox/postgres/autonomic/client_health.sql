-- The clients' health as stored, by status and/or client (null filters match all).
select client_id, last_event_at, events_last_30d, meetings_last_30d, avg_response_time_hours, quality_score,
       nps_score, revenue_30d, margin_30d, trust_score, automation_rate, proactive_interventions, health_status,
       health_reasons, updated_at
  from client_health
 where (?::text is null or health_status = ?) and (?::text is null or client_id = ?)
 order by client_id
 limit ?
