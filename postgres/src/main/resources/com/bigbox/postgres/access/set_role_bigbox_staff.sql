-- Signed-in staff: a member of authenticated, with the engine's internal tables besides (migration V50).
set local role bigbox_staff
