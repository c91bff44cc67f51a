-- After the migrations (Migrations.apply runs this every time, also when none was pending): grants and
-- policies as bigbox_access.access_rules say (V50__default_deny.sql), whatever a migration granted.
select bigbox_access.apply_access_rules();
