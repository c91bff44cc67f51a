-- The Client Autonomy Mirror's "on time": SOP runs that finished within their SOP's cycle-time target
-- (V42: a client's token cannot read the targets itself).
select on_time, completed from bigbox_access.client_on_time(?)
