select min("timestamp") from events
