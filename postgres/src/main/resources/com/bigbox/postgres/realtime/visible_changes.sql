-- Which of a batch of captured row changes the caller may see: the change log's policies, and the caller's
-- SELECT privilege on the changed table.
select c.change_id from bigbox_access.row_changes c
 where c.change_id = any(?)
   and has_table_privilege(format('public.%I', c.table_name), 'SELECT')
