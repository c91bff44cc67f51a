-- Which of the events being imported the database holds already, and as what.
select event_id, event_type, aggregate_type, aggregate_id, sequence_number
  from events where event_id = any(?::uuid[])
