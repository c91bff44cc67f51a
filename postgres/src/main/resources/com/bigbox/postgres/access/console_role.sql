-- Reads what a CEO may read and may not take advisory locks (migration V50).
set local role bigbox_console
