-- Clients' health, only those not healthy when the flag is true.
select client_id, health_status, trust_score, events_last_30d, revenue_30d, automation_rate, updated_at
  from client_health where not ? or health_status <> 'healthy' order by client_id limit ?
