delete from agent_metrics
