-- The client's 30 days up to its latest event (both as of the projected event).
with p as (select ?::text as client, ?::bigint as tseq, ?::bigint as gpos),
mine as (
  select e.* from p join events e on e.payload ->> 'client_id' = p.client
   where (e.transaction_seq, e.global_position) <= (p.tseq, p.gpos)),
latest as (select max("timestamp") as t from mine),
w as (select m.* from mine m, latest where m."timestamp" > latest.t - interval '30 days' and m."timestamp" <= latest.t),
numbers as (
  select w.event_type, w.emitted_by,
         case when jsonb_typeof(w.payload -> 'amount') = 'number' then (w.payload ->> 'amount')::numeric end as amount,
         case when jsonb_typeof(w.payload -> 'estimated_cost') = 'number' then (w.payload ->> 'estimated_cost')::numeric end as cost,
         case when jsonb_typeof(w.payload -> 'score') = 'number' then (w.payload ->> 'score')::numeric end as score,
         case when w.event_type = 'CLIENT_FEEDBACK_RECEIVED' and jsonb_typeof(w.payload -> 'quality') = 'number'
                then (w.payload ->> 'quality')::numeric
              when w.event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(w.payload -> 'quality_score') = 'number'
                then (w.payload ->> 'quality_score')::numeric end as quality,
         w.payload ->> 'severity' as severity, w.payload ->> 'risk_type' as risk_type,
         w.payload ->> 'attended' as attended
    from w)
select (select t from latest) as last_event_at,
       count(*) as events,
       count(*) filter (where event_type = 'MEETING_COMPLETED') as meetings,
       count(*) filter (where event_type = 'MEETING_COMPLETED' and attended = 'false') as missed,
       (select round(avg(extract(epoch from r."timestamp" - q."timestamp")) / 3600.0, 2)
          from w r join events q on q.aggregate_type = r.aggregate_type and q.aggregate_id = r.aggregate_id
                                and q.sequence_number = 1
         where r.event_type in ('HUMAN_APPROVAL_GRANTED', 'HUMAN_OVERRIDE', 'HUMAN_APPROVAL_REJECTED',
                                'APPROVED_BY_SILENCE', 'HUMAN_APPROVAL_EXPIRED')) as response_hours,
       round(avg(quality), 2) as quality,
       count(*) filter (where event_type = 'CLIENT_FEEDBACK_RECEIVED' and score >= 9) as promoters,
       count(*) filter (where event_type = 'CLIENT_FEEDBACK_RECEIVED' and score <= 6) as detractors,
       count(*) filter (where event_type = 'CLIENT_FEEDBACK_RECEIVED' and score is not null) as responses,
       coalesce(sum(amount) filter (where event_type = 'PAYMENT_RECEIVED'), 0) as revenue,
       coalesce(sum(cost) filter (where event_type = 'SOP_EXECUTION_COMPLETED'), 0) as cost,
       count(*) filter (where event_type = 'AUTONOMIC_DECISION_EXECUTED') as executed,
       count(*) filter (where event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')) as escalations,
       count(*) filter (where event_type in ('RISK_DETECTED', 'PROJECT_AT_RISK', 'PAYMENT_REMINDER_SENT')
                          and emitted_by <> 'ClientHealthMonitor') as proactive,
       count(*) filter (where event_type = 'RISK_DETECTED' and severity = 'critical'
                          and emitted_by <> 'ClientHealthMonitor' and risk_type is distinct from 'agent_failure') as critical_risks,
       count(*) filter (where event_type = 'RISK_DETECTED' and severity = 'high'
                          and emitted_by <> 'ClientHealthMonitor' and risk_type is distinct from 'agent_failure') as high_risks,
       count(*) filter (where event_type = 'PROJECT_AT_RISK') as projects_at_risk,
       count(*) filter (where event_type = 'PAYMENT_REMINDER_SENT') as reminders
  from numbers
