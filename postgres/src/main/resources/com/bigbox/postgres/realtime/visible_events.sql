-- Which of a batch of events (by global position) the caller may see: the policies of events decide.
select global_position from public.events where global_position = any(?)
