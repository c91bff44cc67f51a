select distinct payload->>'week' from events where event_type = 'AUTOMATION_REVIEW_COMPLETED'
