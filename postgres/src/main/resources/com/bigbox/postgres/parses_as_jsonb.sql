-- Fails on a document PostgreSQL cannot parse as jsonb (only run to name the bad field of a refused append).
select ?::jsonb
