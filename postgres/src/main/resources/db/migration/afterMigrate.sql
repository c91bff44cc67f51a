-- After every migration: grants and policies as bigbox_access.access_rules say (V50__default_deny.sql),
-- whatever a migration granted.
select bigbox_access.apply_access_rules();
