-- What the dashboard's browser test shows: two clients' flows (acme and globex), tasks, projects,
-- invoices, pending approvals, SOP runs, 30 days of agent metrics, client health and chaos runs.
-- Each event names the one that caused it, so the correlation pages show a causal chain.
insert into events (event_id, event_type, aggregate_type, aggregate_id, correlation_id, causation_id, payload, emitted_by, confidence, "timestamp") values
  ('e0000000-0000-4000-8000-000000000001', 'LEAD_RECEIVED', 'LEAD', 'lead-acme', 'a0000000-0000-4000-8000-000000000001', null, '{"client_id": "acme", "company": "Acme", "urgency": "high"}', 'web', null, now() - interval '3 days'),
  ('e0000000-0000-4000-8000-000000000002', 'LEAD_QUALIFIED', 'LEAD', 'lead-acme', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '{"client_id": "acme", "score": 90}', 'intake', 0.92, now() - interval '3 days' + interval '1 minute'),
  ('e0000000-0000-4000-8000-000000000003', 'AUTONOMIC_DECISION_EXECUTED', 'LEAD', 'lead-acme', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', '{"client_id": "acme", "agent_id": "intake"}', 'oversight', 0.92, now() - interval '3 days' + interval '2 minutes'),
  ('e0000000-0000-4000-8000-000000000004', 'MEETING_SCHEDULED', 'MEETING', 'meeting-acme', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', '{"client_id": "acme", "at": "2026-12-01T10:00:00Z"}', 'intake', 0.90, now() - interval '3 days' + interval '3 minutes'),
  ('e0000000-0000-4000-8000-000000000005', 'PROJECT_STARTED', 'PROJECT', 'project-acme-brand', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000004', '{"client_id": "acme", "name": "Acme brand refresh", "budget": 48000}', 'strategy', 0.88, now() - interval '2 days'),
  ('e0000000-0000-4000-8000-000000000006', 'TASK_CREATED', 'TASK', 'task-acme-1', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000005', '{"client_id": "acme", "title": "Draft the creative brief", "due_date": "2026-12-02T17:00:00Z"}', 'project_control', 0.85, now() - interval '2 days' + interval '1 minute'),
  ('e0000000-0000-4000-8000-000000000007', 'TASK_ASSIGNED', 'TASK', 'task-acme-1', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000006', '{"client_id": "acme", "assignee": "emp@bigbox.test"}', 'project_control', 0.85, now() - interval '2 days' + interval '2 minutes'),
  ('e0000000-0000-4000-8000-000000000008', 'INVOICE_ISSUED', 'INVOICE', 'invoice-acme-1', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000005', '{"client_id": "acme", "amount": 24000, "due_date": "2026-12-09T00:00:00Z"}', 'finance', 0.95, now() - interval '2 days' + interval '3 minutes'),
  ('e0000000-0000-4000-8000-000000000009', 'PAYMENT_REMINDER_SENT', 'INVOICE', 'invoice-acme-1', 'a0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000008', '{"client_id": "acme", "reason": "deposit due in three days"}', 'finance', 0.90, now() - interval '1 day'),
  ('e0000000-0000-4000-8000-000000000010', 'LEAD_RECEIVED', 'LEAD', 'lead-globex', 'b0000000-0000-4000-8000-000000000002', null, '{"client_id": "globex", "company": "Globex secret merger"}', 'web', null, now() - interval '1 day' + interval '1 hour'),
  ('e0000000-0000-4000-8000-000000000011', 'PROJECT_STARTED', 'PROJECT', 'project-globex-launch', 'b0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000010', '{"client_id": "globex", "name": "Globex secret launch", "budget": 120000}', 'strategy', 0.70, now() - interval '20 hours'),
  ('e0000000-0000-4000-8000-000000000012', 'INVOICE_ISSUED', 'INVOICE', 'invoice-globex-1', 'b0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000011', '{"client_id": "globex", "amount": 60000, "due_date": "2026-12-05T00:00:00Z"}', 'finance', 0.95, now() - interval '20 hours' + interval '1 minute'),
  ('e0000000-0000-4000-8000-000000000013', 'HUMAN_APPROVAL_REQUESTED', 'PROJECT', 'project-globex-launch', 'b0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000011', '{"client_id": "globex", "agent_id": "strategy"}', 'oversight', 0.70, now() - interval '19 hours'),
  ('e0000000-0000-4000-8000-000000000014', 'CEO_INTERRUPT_REQUIRED', 'PROJECT', 'project-globex-launch', 'b0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000011', '{"client_id": "globex", "reason": "budget over ten times the financial limit"}', 'oversight', 0.70, now() - interval '19 hours' + interval '1 minute');

insert into human_approvals (agent_id, decision_context, recommended_action, confidence, timeout_at, created_at) values
  ('finance', '{"client_id": "acme", "amount": 24000, "reason": "deposit invoice above the financial limit"}', 'Issue the Acme deposit invoice of $24,000', 0.78, now() + interval '5 hours', now() - interval '2 hours'),
  ('strategy', '{"client_id": "globex", "budget": 120000}', 'Start the Globex launch project', 0.70, now() + interval '40 minutes', now() - interval '1 hour'),
  ('intake', '{"client_id": "acme", "score": 55}', 'Qualify the Acme referral lead', 0.62, now() - interval '10 minutes', now() - interval '30 hours');

insert into sop_definitions (sop_id, version, definition, activated_at, approval_mechanism) values
  ('lead-intake-qualification', 1, '{"metadata": {"id": "lead-intake-qualification", "name": "Lead intake and qualification", "version": "1.0.0", "status": "active"},
    "steps": [{"step_id": "validate", "name": "Validate the inquiry", "automation_level": "full", "responsible_agent": "intake", "requires_human": false, "timeout_hours": 1},
              {"step_id": "qualify", "name": "Qualify the lead", "automation_level": "assisted", "responsible_agent": "intake", "requires_human": false, "timeout_hours": 2, "dependencies": ["validate"]},
              {"step_id": "schedule", "name": "Schedule the discovery call", "automation_level": "full", "responsible_agent": "intake", "requires_human": false, "timeout_hours": 1, "dependencies": ["qualify"]}],
    "metrics": {"cycle_time_target_hours": 4, "automation_rate_target": 0.85, "human_minutes_target": 5, "cost_per_execution_target": 2.5}}', now() - interval '40 days', 'auto_approve'),
  ('brand-identity-campaign', 1, '{"metadata": {"id": "brand-identity-campaign", "name": "Brand identity campaign", "version": "1.0.0", "status": "active"},
    "steps": [{"step_id": "discovery", "name": "Discovery synthesis", "automation_level": "assisted", "responsible_agent": "strategy", "requires_human": true, "timeout_hours": 24}],
    "metrics": {"cycle_time_target_hours": 480, "automation_rate_target": 0.35, "human_minutes_target": 2400, "cost_per_execution_target": 1500}}', now() - interval '40 days', 'explicit_human');

insert into sop_executions (sop_id, sop_version, correlation_id, started_at, completed_at, cycle_time_hours, total_steps, automated_steps, automation_rate, human_hours, estimated_cost, status)
select 'lead-intake-qualification', 1, gen_random_uuid(), now() - (g || ' days')::interval, now() - (g || ' days')::interval + interval '3 hours',
       3 + (g % 3), 3, 2 + (g % 2), round((2 + (g % 2)) / 3.0, 2), 0.1, 2.0 + (g % 3) * 0.5, 'completed'
  from generate_series(1, 12) g;
insert into sop_executions (sop_id, sop_version, correlation_id, started_at, completed_at, cycle_time_hours, total_steps, automated_steps, automation_rate, human_hours, estimated_cost, status)
select 'brand-identity-campaign', 1, gen_random_uuid(), now() - (g * 5 || ' days')::interval, now() - (g * 5 || ' days')::interval + interval '20 days',
       400 + g * 30, 8, 3, 0.38, 35, 1400 + g * 100, 'completed'
  from generate_series(1, 4) g;

insert into agent_metrics (agent_id, window_start, window_end, events_processed, events_emitted, human_escalations, avg_confidence, automation_rate)
select agent, date_trunc('day', now()) - (d || ' days')::interval, date_trunc('day', now()) - (d || ' days')::interval + interval '1 day',
       20 + (d * 7 + length(agent)) % 15, 15 + d % 7, (d + length(agent)) % 4,
       round((0.78 + ((d + length(agent)) % 10) / 60.0)::numeric, 2), round((0.6 + (29 - d) / 100.0 + length(agent) % 3 / 20.0)::numeric, 2)
  from unnest(array['intake', 'finance', 'strategy']) agent, generate_series(0, 29) d;

insert into client_health (client_id, last_event_at, events_last_30d, meetings_last_30d, revenue_30d, trust_score, automation_rate, proactive_interventions, health_status) values
  ('acme', now() - interval '1 day', 9, 1, 24000, 0.86, 0.74, 3, 'healthy'),
  ('globex', now() - interval '19 hours', 5, 0, 60000, 0.41, 0.52, 1, 'at_risk'),
  ('initech', now() - interval '12 days', 2, 0, 0, 0.63, 0.30, 0, 'attention_needed');

insert into chaos_experiments (experiment_type, intensity, started_at, ended_at, duration_minutes, events_affected, system_degradation, failures_detected, recovery_time_seconds, status) values
  ('drop_event', 'low', now() - interval '20 days', now() - interval '20 days' + interval '5 minutes', 5, 12, 0.08, 0, 4, 'completed'),
  ('delay_event', 'medium', now() - interval '13 days', now() - interval '13 days' + interval '5 minutes', 5, 40, 0.15, 1, 9, 'completed'),
  ('simulate_agent_failure', 'high', now() - interval '6 days', now() - interval '6 days' + interval '10 minutes', 10, 95, 0.34, 3, 31, 'completed'),
  ('simulate_human_absence', 'medium', now() - interval '1 day', now() - interval '1 day' + interval '60 minutes', 60, 7, 0.12, 0, 2, 'completed');
