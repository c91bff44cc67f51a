delete from client_health
